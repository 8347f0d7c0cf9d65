export const dataTable = {};
