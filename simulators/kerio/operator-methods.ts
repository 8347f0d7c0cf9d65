import type { MethodHandler } from "./json-rpc-server";
import {
  CALL_PERMISSIONS,
  type Codec,
  type DirectoryEntry,
  defaultSettings,
  type ExtensionRow,
  type ExtensionSettings,
  type OperatorStore,
  type SipLine,
} from "./operator-store";
import {
  isObject,
  optionalBoolean,
  optionalInteger,
  optionalString,
  type Params,
  requireInteger,
  requireIntegerList,
  requireNoParams,
  requireObject,
} from "./params";
import { parseQuery, projectFields, type QuerySchema, runQuery } from "./query";
import {
  type ItemError,
  invalidParams,
  itemError,
  KERIO_MESSAGES,
  type KerioMessage,
  KerioRpcError,
} from "./rpc-errors";
import { sipPassword } from "./seed-names";
import { DEFAULT_OPERATOR_VARIANT, type KerioOperatorVariant } from "./variants";

/** Operator messages that no source quotes; codes follow Kerio's table (notes §2.3), wording is ours. */
export const OPERATOR_MESSAGES = {
  extensionNotFound: { code: 1002, message: "Extension %1 does not exist." },
  userNotFound: { code: 1002, message: "User %1 does not exist." },
  invalidNumber: { code: 1000, message: "The extension number %1 is not valid." },
  sipUsernameTaken: { code: 1001, message: "SIP username %1 is already used." },
  sipOnGroup: {
    code: 1000,
    message: "Extension %1 has multiple registrations; set SIP credentials on its lines.",
  },
} as const satisfies Record<string, KerioMessage>;

const EXTENSION_NUMBER = /^[0-9]{1,10}$/;

/** The quick-search pseudo-field(s) this build knows (variant `searchField`, notes §3). */
function quickSearch(
  variant: KerioOperatorVariant,
  columns: readonly string[],
): QuerySchema<unknown>["quickSearch"] {
  switch (variant.searchField) {
    case "both":
      return { names: ["SEARCH", "QUICKSEARCH"], columns };
    case "QUICKSEARCH":
      return { names: ["QUICKSEARCH"], columns, comparators: ["Eq", "NotEq", "Like"] };
    case "SEARCH":
      return { names: ["SEARCH"], columns, comparators: ["="] };
  }
}

/** `=` is S11's Operator deviation; a build that knows only the IDL's QUICKSEARCH refuses it too. */
const acceptsEqualsSign = (variant: KerioOperatorVariant) => variant.searchField !== "QUICKSEARCH";

/**
 * Column names clients use on Extensions.get: the camelCase of every recent client and the UPPER_SNAKE of
 * S9/S13 (notes §3 "Operator deviations"), both mapping to the same values.
 */
const EXTENSION_COLUMNS: QuerySchema<ExtensionRow>["columns"] = {
  guid: (row) => row.guid,
  GUID: (row) => row.guid,
  telNum: (row) => row.telNum,
  TEL_NUM: (row) => row.telNum,
  description: (row) => row.description,
  DESCRIPTION: (row) => row.description,
  sipUsername: (row) => row.sipUsername ?? null,
  SIP_USERNAME: (row) => row.sipUsername ?? null,
  lineType: (row) => row.lineType,
  parentId: (row) => row.parentId ?? null,
  userGuid: (row) => row.userGuid,
  USERS_ID: (row) => row.userGuid,
  callPermission: (row) => row.callPermission,
  USERNAME: (row) => row.USERNAME,
  FULL_NAME: (row) => row.FULL_NAME,
  EMAIL: (row) => row.EMAIL,
};

function extensionSchema(variant: KerioOperatorVariant): QuerySchema<ExtensionRow> {
  return {
    columns: EXTENSION_COLUMNS,
    // §4.8: the search box matches number, SIP user name, description and the owner's full name.
    quickSearch: quickSearch(variant, ["telNum", "sipUsername", "description", "FULL_NAME"]),
    acceptEqualsSign: acceptsEqualsSign(variant),
  };
}

type UserRow = ReturnType<OperatorStore["userRows"]>[number];

const USER_COLUMNS: QuerySchema<UserRow>["columns"] = {
  GUID: (row) => row.GUID,
  USERNAME: (row) => row.USERNAME,
  FULL_NAME: (row) => row.FULL_NAME,
  EMAIL: (row) => row.EMAIL,
  DISABLED: (row) => row.DISABLED,
};

function userSchema(variant: KerioOperatorVariant): QuerySchema<UserRow> {
  return {
    columns: USER_COLUMNS,
    quickSearch: quickSearch(variant, ["USERNAME", "FULL_NAME", "EMAIL"]),
    acceptEqualsSign: acceptsEqualsSign(variant),
  };
}

const DIRECTORY_COLUMNS: QuerySchema<DirectoryEntry>["columns"] = {
  TEL_NUM: (row) => row.TEL_NUM,
  DESCRIPTION: (row) => row.DESCRIPTION,
  EXTENSION_TYPE_ID: (row) => row.EXTENSION_TYPE_ID,
};

function directorySchema(variant: KerioOperatorVariant): QuerySchema<DirectoryEntry> {
  return {
    columns: DIRECTORY_COLUMNS,
    quickSearch: quickSearch(variant, ["TEL_NUM", "DESCRIPTION"]),
    acceptEqualsSign: acceptsEqualsSign(variant),
  };
}

/** The columns of variant `lineConditions`: how a multi-registration group's rows are told apart (§4.1). */
const LINE_COLUMNS: readonly string[] = ["lineType", "parentId"];

/** S12's create detail, every key (notes §4.2): what variant `createDetail: "full"` insists on. */
const FULL_CREATE_KEYS = [
  "telNum",
  "description",
  "sipUsername",
  "sipPassword",
  "callPermission",
  "userGuid",
  "dtmfMode",
  "faxDetect",
  "faxDetectType",
  "natSupport",
  "recordInbound",
  "recordOutbound",
  "secured",
] as const;

/** The writable members of an extension `detail`; anything else (read-only row columns) is ignored. */
interface ExtensionDetail extends Partial<ExtensionSettings> {
  telNum?: string;
  description?: string;
  sipUsername?: string;
  sipPassword?: string;
  callPermission?: number;
  userGuid?: number | null;
}

function parseCodecs(value: unknown): Codec[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidParams();
  return value.map((item) => {
    if (!isObject(item)) throw invalidParams();
    const { ID, SEQUENCE, DESCRIPTION } = item;
    if (typeof ID !== "string" || typeof SEQUENCE !== "number" || typeof DESCRIPTION !== "string") {
      throw invalidParams();
    }
    return { ID, SEQUENCE, DESCRIPTION };
  });
}

function parseDetail(raw: unknown): ExtensionDetail {
  const detail = requireObject(raw);
  const callPermission = optionalInteger(detail, "callPermission");
  if (callPermission !== undefined && !(CALL_PERMISSIONS as readonly number[]).includes(callPermission)) {
    throw invalidParams();
  }
  const rawOwner = detail.userGuid;
  if (
    rawOwner !== undefined &&
    rawOwner !== null &&
    (typeof rawOwner !== "number" || !Number.isInteger(rawOwner))
  ) {
    throw invalidParams();
  }
  const parsed: ExtensionDetail = {
    telNum: optionalString(detail, "telNum"),
    description: optionalString(detail, "description"),
    sipUsername: optionalString(detail, "sipUsername"),
    sipPassword: optionalString(detail, "sipPassword"),
    callPermission,
    userGuid: rawOwner as number | null | undefined,
    dtmfMode: optionalInteger(detail, "dtmfMode"),
    faxDetect: optionalBoolean(detail, "faxDetect"),
    faxDetectType: optionalInteger(detail, "faxDetectType"),
    natSupport: optionalBoolean(detail, "natSupport"),
    recordInbound: optionalBoolean(detail, "recordInbound"),
    recordOutbound: optionalBoolean(detail, "recordOutbound"),
    secured: optionalBoolean(detail, "secured"),
    selectedCodecs: parseCodecs(detail.selectedCodecs),
  };
  if (parsed.telNum !== undefined && !EXTENSION_NUMBER.test(parsed.telNum)) {
    throw new KerioRpcError(OPERATOR_MESSAGES.invalidNumber, [parsed.telNum]);
  }
  if (parsed.sipUsername !== undefined && parsed.sipUsername.trim() === "") throw invalidParams();
  return parsed;
}

function settingsFrom(detail: ExtensionDetail): Partial<ExtensionSettings> {
  const settings: Partial<ExtensionSettings> = {};
  const keys = [
    "dtmfMode",
    "faxDetect",
    "faxDetectType",
    "natSupport",
    "recordInbound",
    "recordOutbound",
    "secured",
    "selectedCodecs",
  ] as const;
  for (const key of keys) {
    if (detail[key] !== undefined) Object.assign(settings, { [key]: detail[key] });
  }
  return settings;
}

function uniqueSipUsername(store: OperatorStore, base: string): string {
  let candidate = base;
  for (let n = 2; store.sipUsernameInUse(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

export function operatorMethods(
  store: OperatorStore,
  variant: KerioOperatorVariant = DEFAULT_OPERATOR_VARIANT,
): Record<string, MethodHandler> {
  const extensions = extensionSchema(variant);
  const users = userSchema(variant);
  const directorySchemaOfBuild = directorySchema(variant);

  const requireOwner = (userGuid: number | null | undefined) => {
    if (userGuid === undefined || userGuid === null) return;
    if (!store.user(userGuid)) throw new KerioRpcError(OPERATOR_MESSAGES.userNotFound, [userGuid]);
  };

  const get: MethodHandler = (params: Params) => {
    const parsed = parseQuery(params.query, extensions);
    const onLines = parsed.conditions.some((condition) => LINE_COLUMNS.includes(condition.fieldName));
    if (onLines && variant.lineConditions === "refused") throw invalidParams();
    const query =
      onLines && variant.lineConditions === "ignored"
        ? {
            ...parsed,
            conditions: parsed.conditions.filter((condition) => !LINE_COLUMNS.includes(condition.fieldName)),
          }
        : parsed;
    const { page, totalItems } = runQuery(store.rows(), query, extensions, variant.rowLimit);
    return { sipExtensionList: page.map((row) => projectFields(row, query.fields)), totalItems };
  };

  const create: MethodHandler = (params) => {
    const raw = requireObject(params.detail);
    if (variant.createDetail === "full" && FULL_CREATE_KEYS.some((key) => raw[key] === undefined)) {
      throw invalidParams();
    }
    // -32602 stays call-level on every build: it refuses the request, not the extension.
    try {
      const detail = parseDetail(raw);
      const telNum = detail.telNum;
      if (telNum === undefined) throw invalidParams();
      const ids = createExtension({ ...detail, telNum });
      const answer = variant.createAnswer === "ids" ? { result: { id: ids } } : {};
      return variant.createRefusal === "item" ? { errors: [], ...answer } : answer;
    } catch (error) {
      const callLevel =
        !(error instanceof KerioRpcError) ||
        variant.createRefusal === "call" ||
        error.code === KERIO_MESSAGES.invalidParams.code;
      if (callLevel) throw error;
      return { errors: [itemError(0, error, error.positionalParameters)] };
    }
  };

  const createExtension = (detail: ExtensionDetail & { telNum: string }) => {
    if (store.numberInUse(detail.telNum))
      throw new KerioRpcError(KERIO_MESSAGES.alreadyExists, [detail.telNum]);
    const sipUsername = detail.sipUsername ?? uniqueSipUsername(store, detail.telNum);
    if (store.sipUsernameInUse(sipUsername))
      throw new KerioRpcError(OPERATOR_MESSAGES.sipUsernameTaken, [sipUsername]);
    requireOwner(detail.userGuid);
    const guidGroup = store.allocateGuid();
    const guidLine = store.allocateGuid();
    store.addExtension({
      ...defaultSettings(),
      ...settingsFrom(detail),
      guid: guidGroup,
      telNum: detail.telNum,
      description: detail.description ?? "",
      userGuid: detail.userGuid ?? null,
      callPermission: detail.callPermission ?? 1,
      multipleRegistration: false,
      lines: [
        {
          guid: guidLine,
          sipUsername,
          sipPassword: detail.sipPassword ?? sipPassword(store.random),
          registered: false,
        },
      ],
    });
    // Answer shape inferred from S10/S11 reading result.result.id.guidGroup / guidLine (notes §4.2).
    return { guidGroup, guidLine };
  };

  const createLine: MethodHandler = (params) => {
    const guid = requireInteger(params, "guid");
    const detail = params.detail === undefined ? {} : parseDetail(params.detail);
    const extension = store.extensions.get(guid);
    if (!extension) throw new KerioRpcError(OPERATOR_MESSAGES.extensionNotFound, [guid]);
    const sipUsername =
      detail.sipUsername ?? uniqueSipUsername(store, `${extension.telNum}-${extension.lines.length + 1}`);
    if (store.sipUsernameInUse(sipUsername))
      throw new KerioRpcError(OPERATOR_MESSAGES.sipUsernameTaken, [sipUsername]);
    const line: SipLine = {
      guid: store.allocateGuid(),
      sipUsername,
      sipPassword: detail.sipPassword ?? sipPassword(store.random),
      registered: false,
    };
    extension.multipleRegistration = true;
    store.addLine(extension, line);
    return { result: { id: { guidGroup: extension.guid, guidLine: line.guid } } };
  };

  const set: MethodHandler = (params) => {
    const guids = requireIntegerList(params, "guids");
    const detail = parseDetail(params.detail);
    requireOwner(detail.userGuid);
    const errors: ItemError[] = [];
    guids.forEach((guid, inputIndex) => {
      const lineLocation = store.line(guid);
      const extension = store.extensions.get(guid) ?? lineLocation?.extension;
      if (!extension) {
        errors.push(itemError(inputIndex, OPERATOR_MESSAGES.extensionNotFound, [guid]));
        return;
      }
      // A group guid of a multi-registration extension has no SIP credentials of its own.
      const line = lineLocation?.line ?? (extension.multipleRegistration ? undefined : extension.lines[0]);
      const touchesSip = detail.sipUsername !== undefined || detail.sipPassword !== undefined;
      if (touchesSip && !line) {
        errors.push(itemError(inputIndex, OPERATOR_MESSAGES.sipOnGroup, [extension.telNum]));
        return;
      }
      if (detail.telNum !== undefined && store.numberInUse(detail.telNum, extension)) {
        errors.push(itemError(inputIndex, KERIO_MESSAGES.alreadyExists, [detail.telNum]));
        return;
      }
      if (line && detail.sipUsername !== undefined && store.sipUsernameInUse(detail.sipUsername, line)) {
        errors.push(itemError(inputIndex, OPERATOR_MESSAGES.sipUsernameTaken, [detail.sipUsername]));
        return;
      }
      Object.assign(extension, settingsFrom(detail));
      if (detail.telNum !== undefined) extension.telNum = detail.telNum;
      if (detail.description !== undefined) extension.description = detail.description;
      if (detail.callPermission !== undefined) extension.callPermission = detail.callPermission;
      if (detail.userGuid !== undefined) extension.userGuid = detail.userGuid;
      if (line && detail.sipUsername !== undefined) line.sipUsername = detail.sipUsername;
      if (line && detail.sipPassword !== undefined) line.sipPassword = detail.sipPassword;
      store.changed();
    });
    return { errors };
  };

  const remove: MethodHandler = (params) => {
    const guids = requireIntegerList(params, "guids");
    const errors: ItemError[] = [];
    guids.forEach((guid, inputIndex) => {
      const extension = store.extensions.get(guid);
      if (extension) {
        store.removeExtension(extension);
        return;
      }
      const location = store.line(guid);
      if (!location) {
        errors.push(itemError(inputIndex, OPERATOR_MESSAGES.extensionNotFound, [guid]));
        return;
      }
      // The hidden line of a single-line extension is the extension; a group's line is one registration.
      if (location.extension.multipleRegistration) store.removeLine(location);
      else store.removeExtension(location.extension);
    });
    return { errors };
  };

  const getSipPassword: MethodHandler = (params) => {
    const guid = requireInteger(params, "guid");
    const location = store.line(guid);
    const extension = store.extensions.get(guid);
    const line =
      location?.line ?? (extension && !extension.multipleRegistration ? extension.lines[0] : undefined);
    if (!line) throw new KerioRpcError(OPERATOR_MESSAGES.extensionNotFound, [guid]);
    return { password: line.sipPassword };
  };

  const getNextValidNumber: MethodHandler = (params) => {
    requireNoParams(params);
    // Name and answer shape from Kerio's getting-started example (notes "Decisions for this project").
    return { extensionNumber: store.nextFreeNumber() };
  };

  const usersGet: MethodHandler = (params) => {
    const query = parseQuery(params.query, users);
    const { page, totalItems } = runQuery(store.userRows(), query, users, variant.rowLimit);
    return { userList: page.map((row) => projectFields(row, query.fields)), totalItems };
  };

  const directory: MethodHandler = (params) => {
    const query = parseQuery(params.query, directorySchemaOfBuild);
    const onlyExtensions = optionalBoolean(params, "onlyExtensions") ?? false;
    const entries = store.directory().filter((entry) => !onlyExtensions || entry.EXTENSION_TYPE_ID === 1);
    const { page, totalItems } = runQuery(entries, query, directorySchemaOfBuild, variant.rowLimit);
    return { numberList: page.map((row) => projectFields(row, query.fields)), totalItems };
  };

  return {
    ...(variant.nextValidNumber === "present" && { "Extensions.getNextValidNumber": getNextValidNumber }),
    "Extensions.get": get,
    "Extensions.create": create,
    "Extensions.createLine": createLine,
    "Extensions.set": set,
    "Extensions.remove": remove,
    "Extensions.getSipPassword": getSipPassword,
    "Users.get": usersGet,
    "Server.getInternalDirectoryList": directory,
    "Version.getApiVersion": (params) => {
      requireNoParams(params);
      return { apiVersion: 1 };
    },
  };
}
