export const kalliope = {
  statistics: "Statistics",
};
