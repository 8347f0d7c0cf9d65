export const kerio = {};
