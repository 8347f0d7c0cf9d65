export const kiwire = {};
