export const kayako = {};
