export const kalliope = {};
