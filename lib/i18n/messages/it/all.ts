import type { Messages } from "../catalog";
import { account } from "./account";
import { admin } from "./admin";
import { auth } from "./auth";
import { charts } from "./charts";
import { common } from "./common";
import { connections } from "./connections";
import { dataTable } from "./data-table";
import { filters } from "./filters";
import { kalliope } from "./kalliope";
import { kayako } from "./kayako";
import { kerio } from "./kerio";
import { kiwire } from "./kiwire";
import { nav } from "./nav";
import { overview } from "./overview";
import { palette } from "./palette";
import { savedViews } from "./saved-views";
import { sections } from "./sections";
import { shell } from "./shell";
import { ui } from "./ui";

export const it: Messages = {
  common,
  nav,
  shell,
  auth,
  account,
  admin,
  connections,
  dataTable,
  palette,
  overview,
  charts,
  kerio,
  kiwire,
  kalliope,
  kayako,
  sections,
  filters,
  savedViews,
  ui,
};
