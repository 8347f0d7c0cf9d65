import type { ConnectStore, ConnectUser, RemovalMethod, UserRoleType } from "./connect-store";
import type { CallContext, MethodHandler } from "./json-rpc-server";
import {
  optionalBoolean,
  optionalString,
  type Params,
  requireArray,
  requireNoParams,
  requireObject,
  requireString,
  requireStringList,
} from "./params";
import { parseQuery, projectFields, type QuerySchema, runQuery } from "./query";
import { type ItemError, invalidParams, itemError, type KerioMessage, KerioRpcError } from "./rpc-errors";
import { DEFAULT_CONNECT_VARIANT, type KerioConnectVariant } from "./variants";

/** Connect messages. 1003 and its meaning are from S20 (notes §5); the other texts are ours in Kerio's style. */
export const CONNECT_MESSAGES = {
  domainNotFound: { code: 1002, message: "Domain %1 does not exist." },
  userNotFound: { code: 1002, message: "User %1 does not exist." },
  userExists: { code: 1001, message: "User %1 already exists." },
  invalidLoginName: { code: 1000, message: "The login name %1 is not valid." },
  passwordRequired: { code: 1000, message: "The password of user %1 must not be empty." },
  licenseExceeded: { code: 1003, message: "User count license exceeded." },
  moveToSelf: { code: 1000, message: "The mailbox of user %1 cannot be moved to the same user." },
} as const satisfies Record<string, KerioMessage>;

const LOGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ROLES: readonly UserRoleType[] = ["UserRole", "Auditor", "AccountAdmin", "FullAdmin"];
const REMOVAL_METHODS: readonly RemovalMethod[] = ["UDeleteUser", "UDeleteFolder", "UMoveFolder"];
const BYTE_UNITS = {
  Bytes: 1 / (1024 * 1024),
  KiloBytes: 1 / 1024,
  MegaBytes: 1,
  GigaBytes: 1024,
  TeraBytes: 1024 ** 2,
};

type DomainView = ReturnType<typeof domainView>;
type UserView = ReturnType<typeof userView>;

function domainView(store: ConnectStore, domain: ConnectStore["domains"][number]) {
  return {
    id: domain.id,
    name: domain.name,
    description: domain.description,
    isPrimary: domain.isPrimary,
    userMaxCount: -1,
    passwordExpirationEnabled: false,
    passwordExpirationDays: 90,
    passwordHistoryCount: 0,
    passwordComplexityEnabled: false,
    passwordMinimumLength: 8,
    aliasList: [] as string[],
    isDistributed: false,
    isDkimEnabled: false,
    isLdapManagementAllowed: false,
    isInstantMessagingEnabled: true,
    userCount: store.activeUserCount(domain.id),
  };
}

function right(role: UserRoleType) {
  return {
    userRole: role,
    publicFolderRight: role === "FullAdmin",
    archiveFolderRight: role === "FullAdmin",
  };
}

/** The IDL `User` struct (S16 connect `users.go`); `password` is write-only and never sent back. */
function userView(user: ConnectUser) {
  return {
    id: user.id,
    domainId: user.domainId,
    companyContactId: "",
    loginName: user.loginName,
    fullName: user.fullName,
    description: user.description,
    isEnabled: user.isEnabled,
    itemSource: "DSInternalSource",
    authType: "UInternalAuth",
    isPasswordReversible: false,
    allowPasswordChange: true,
    hasDefaultSpamRule: false,
    role: right(user.role),
    groupRole: right("UserRole"),
    effectiveRole: right(user.role),
    isWritableByMe: true,
    emailAddresses: [...user.emailAddresses],
    emailForwarding: { mode: "UForwardNone", emailAddresses: [] as string[] },
    userGroups: [] as unknown[],
    itemLimit: { isActive: false, limit: 0 },
    diskSizeLimit: {
      isActive: user.quotaMegaBytes > 0,
      limit: { value: user.quotaMegaBytes, units: "MegaBytes" },
    },
    consumedItems: user.consumedItems,
    consumedSize: { value: Math.round(user.consumedBytes / 1024), units: "KiloBytes" },
    hasDomainRestriction: false,
    outMessageLimit: { isActive: false, limit: { value: 0, units: "MegaBytes" } },
    lastLoginInfo: { dateTime: user.lastLogin, protocol: user.lastLogin > 0 ? "HTTP" : "" },
    publishInGal: true,
  };
}

const DOMAIN_SCHEMA: QuerySchema<DomainView> = {
  columns: {
    id: (row) => row.id,
    name: (row) => row.name,
    description: (row) => row.description,
    isPrimary: (row) => row.isPrimary,
  },
};

const USER_SCHEMA: QuerySchema<UserView> = {
  columns: {
    id: (row) => row.id,
    loginName: (row) => row.loginName,
    fullName: (row) => row.fullName,
    description: (row) => row.description,
    isEnabled: (row) => row.isEnabled,
    authType: (row) => row.authType,
    consumedSize: (row) => row.consumedSize.value,
  },
  // IDL: loginName, fullName and description are "[USED BY QUICKSEARCH]".
  quickSearch: { names: ["QUICKSEARCH"], columns: ["loginName", "fullName", "description"] },
};

interface UserInput {
  domainId?: string;
  loginName?: string;
  fullName?: string;
  description?: string;
  isEnabled?: boolean;
  password?: string;
  role?: UserRoleType;
  emailAddresses?: string[];
  quotaMegaBytes?: number;
}

/** Type-checks a `User` from create/set; read-only members (id, consumedSize, ...) are ignored. */
function parseUserInput(raw: unknown): UserInput {
  const user = requireObject(raw);
  const input: UserInput = {
    domainId: optionalString(user, "domainId"),
    loginName: optionalString(user, "loginName"),
    fullName: optionalString(user, "fullName"),
    description: optionalString(user, "description"),
    isEnabled: optionalBoolean(user, "isEnabled"),
    password: optionalString(user, "password"),
    emailAddresses: user.emailAddresses === undefined ? undefined : requireStringList(user, "emailAddresses"),
  };
  if (user.role !== undefined) {
    const role = requireObject(user.role);
    // BuiltInAdmin/BuiltInDomainAdmin "must NOT be assigned" (IDL), so only the four real roles pass.
    if (!ROLES.includes(role.userRole as UserRoleType)) throw invalidParams();
    input.role = role.userRole as UserRoleType;
  }
  if (user.diskSizeLimit !== undefined) {
    const limit = requireObject(user.diskSizeLimit);
    const isActive = limit.isActive;
    const value = requireObject(limit.limit);
    const units = value.units;
    if (typeof isActive !== "boolean" || typeof value.value !== "number" || typeof units !== "string") {
      throw invalidParams();
    }
    if (!(units in BYTE_UNITS)) throw invalidParams();
    const factor = BYTE_UNITS[units as keyof typeof BYTE_UNITS];
    input.quotaMegaBytes = isActive ? Math.max(0, Math.round(value.value * factor)) : 0;
  }
  return input;
}

export function connectMethods(
  store: ConnectStore,
  variant: KerioConnectVariant = DEFAULT_CONNECT_VARIANT,
): Record<string, MethodHandler> {
  const requireDomain = (params: Params) => {
    const domainId = requireString(params, "domainId");
    const domain = store.domain(domainId);
    if (!domain) throw new KerioRpcError(CONNECT_MESSAGES.domainNotFound, [domainId]);
    return domain;
  };

  const licenceFull = () => store.activeUserCount() >= store.licenseUserLimit;

  const domainsGet: MethodHandler = (params) => {
    const query = parseQuery(params.query, DOMAIN_SCHEMA);
    const views = store.domains.map((domain) => domainView(store, domain));
    const { page, totalItems } = runQuery(views, query, DOMAIN_SCHEMA, variant.rowLimit);
    return { list: page.map((row) => projectFields(row, query.fields)), totalItems };
  };

  const userCountInfo: MethodHandler = (params) => {
    const domain = requireDomain(params);
    const currentUsers = store.activeUserCount(domain.id);
    const limit = store.licenseUserLimit;
    const isUnlimited = !Number.isFinite(limit);
    return {
      countInfo: {
        currentUsers,
        allowedUsers: {
          isUnlimited,
          allowedUsers: isUnlimited ? -1 : Math.max(0, limit - store.activeUserCount() + currentUsers),
          limit: isUnlimited ? -1 : limit,
          limitType: "LicenseLimit",
        },
      },
    };
  };

  const usersGet: MethodHandler = (params) => {
    const query = parseQuery(params.query, USER_SCHEMA);
    const domain = requireDomain(params);
    const views = [...store.users.values()].filter((user) => user.domainId === domain.id).map(userView);
    const { page, totalItems } = runQuery(views, query, USER_SCHEMA, variant.rowLimit);
    return { list: page.map((row) => projectFields(row, query.fields)), totalItems };
  };

  const usersCreate: MethodHandler = (params) => {
    const inputs = requireArray(params, "users").map(parseUserInput);
    const errors: ItemError[] = [];
    const result: Array<{ inputIndex: number; id: string }> = [];
    inputs.forEach((input, inputIndex) => {
      const domain = input.domainId === undefined ? undefined : store.domain(input.domainId);
      if (!domain) {
        errors.push(itemError(inputIndex, CONNECT_MESSAGES.domainNotFound, [input.domainId ?? ""]));
        return;
      }
      const loginName = input.loginName ?? "";
      if (!LOGIN_NAME.test(loginName)) {
        errors.push(itemError(inputIndex, CONNECT_MESSAGES.invalidLoginName, [loginName]));
        return;
      }
      if (store.findByLogin(domain.id, loginName)) {
        errors.push(itemError(inputIndex, CONNECT_MESSAGES.userExists, [`${loginName}@${domain.name}`]));
        return;
      }
      if (!input.password) {
        errors.push(itemError(inputIndex, CONNECT_MESSAGES.passwordRequired, [loginName]));
        return;
      }
      const isEnabled = input.isEnabled ?? true;
      // Checked per item, so a mass create fills the licence and the rest fail one by one (S20: 1003).
      if (isEnabled && licenceFull()) {
        errors.push(itemError(inputIndex, CONNECT_MESSAGES.licenseExceeded));
        return;
      }
      const id = store.newUserId(domain);
      store.users.set(id, {
        id,
        domainId: domain.id,
        loginName,
        fullName: input.fullName ?? "",
        description: input.description ?? "",
        isEnabled,
        password: input.password,
        role: input.role ?? "UserRole",
        emailAddresses: input.emailAddresses ?? [],
        consumedBytes: 0,
        consumedItems: 0,
        quotaMegaBytes: input.quotaMegaBytes ?? 0,
        lastLogin: 0,
      });
      result.push({ inputIndex, id });
    });
    return { errors, result };
  };

  const usersSet: MethodHandler = (params) => {
    const userIds = requireStringList(params, "userIds");
    const pattern = parseUserInput(params.pattern);
    const errors: ItemError[] = [];
    if (pattern.loginName !== undefined && !LOGIN_NAME.test(pattern.loginName)) {
      throw new KerioRpcError(CONNECT_MESSAGES.invalidLoginName, [pattern.loginName]);
    }
    if (pattern.password !== undefined && pattern.password === "") {
      throw new KerioRpcError(CONNECT_MESSAGES.passwordRequired, [pattern.loginName ?? ""]);
    }
    userIds.forEach((userId, inputIndex) => {
      const user = store.users.get(userId);
      if (!user) {
        errors.push(itemError(inputIndex, CONNECT_MESSAGES.userNotFound, [userId]));
        return;
      }
      if (pattern.loginName !== undefined) {
        const clash = store.findByLogin(user.domainId, pattern.loginName);
        if (clash && clash !== user) {
          const domainName = store.domain(user.domainId)?.name ?? "";
          errors.push(
            itemError(inputIndex, CONNECT_MESSAGES.userExists, [`${pattern.loginName}@${domainName}`]),
          );
          return;
        }
      }
      if (pattern.isEnabled === true && !user.isEnabled && licenceFull()) {
        errors.push(itemError(inputIndex, CONNECT_MESSAGES.licenseExceeded));
        return;
      }
      if (pattern.loginName !== undefined) user.loginName = pattern.loginName;
      if (pattern.fullName !== undefined) user.fullName = pattern.fullName;
      if (pattern.description !== undefined) user.description = pattern.description;
      if (pattern.isEnabled !== undefined) user.isEnabled = pattern.isEnabled;
      if (pattern.password !== undefined) user.password = pattern.password;
      if (pattern.role !== undefined) user.role = pattern.role;
      if (pattern.emailAddresses !== undefined) user.emailAddresses = [...pattern.emailAddresses];
      if (pattern.quotaMegaBytes !== undefined) user.quotaMegaBytes = pattern.quotaMegaBytes;
    });
    return { errors };
  };

  const usersRemove: MethodHandler = (params) => {
    const requests = requireArray(params, "requests").map((raw) => {
      const request = requireObject(raw);
      const userId = requireString(request, "userId");
      const method = request.method;
      if (!REMOVAL_METHODS.includes(method as RemovalMethod)) throw invalidParams();
      const removeReferences = optionalBoolean(request, "removeReferences") ?? false;
      const targetUserId = optionalString(request, "targetUserId") ?? "";
      const mode = request.mode;
      // DirectoryServiceDeleteMode matters for directory-mapped users only; the seeded users are internal.
      if (mode !== undefined && mode !== "DSModeDeactivate" && mode !== "DSModeDelete") throw invalidParams();
      return { userId, method: method as RemovalMethod, removeReferences, targetUserId };
    });
    const errors: ItemError[] = [];
    requests.forEach((request, inputIndex) => {
      const user = store.users.get(request.userId);
      if (!user) {
        errors.push(itemError(inputIndex, CONNECT_MESSAGES.userNotFound, [request.userId]));
        return;
      }
      let target: ConnectUser | undefined;
      if (request.method === "UMoveFolder") {
        if (request.targetUserId === request.userId) {
          errors.push(itemError(inputIndex, CONNECT_MESSAGES.moveToSelf, [user.loginName]));
          return;
        }
        target = store.users.get(request.targetUserId);
        if (!target) {
          errors.push(itemError(inputIndex, CONNECT_MESSAGES.userNotFound, [request.targetUserId]));
          return;
        }
        target.consumedBytes += user.consumedBytes;
        target.consumedItems += user.consumedItems;
      }
      store.users.delete(user.id);
      store.removals.push({
        userId: user.id,
        loginName: user.loginName,
        domainId: user.domainId,
        method: request.method,
        targetUserId: target?.id ?? "",
        bytes: user.consumedBytes,
      });
    });
    // "errors - list of users failed to remove only (successfully removed are NOT listed)" (IDL).
    return { errors };
  };

  const whoAmI: MethodHandler = (params, context: CallContext) => {
    requireNoParams(params);
    const primary = store.primaryDomain();
    return {
      userDetails: {
        id: `keriodb://user/${primary.id.slice("keriodb://domain/".length)}/00000000-0000-4000-a000-000000000001`,
        domainId: primary.id,
        loginName: context.session.userName,
        fullName: "Administrator",
        effectiveRole: { userRole: "FullAdmin", publicFolderRight: true, archiveFolderRight: true },
      },
    };
  };

  return {
    "Domains.get": domainsGet,
    "Domains.getUserCountInfo": userCountInfo,
    "Users.get": usersGet,
    "Users.create": usersCreate,
    "Users.set": usersSet,
    "Users.remove": usersRemove,
    "Session.whoAmI": whoAmI,
    "Server.getVersion": (params) => {
      requireNoParams(params);
      return {
        product: "Kerio Connect",
        version: "10.0.8.9228",
        major: 10,
        minor: 0,
        revision: 8,
        build: 9228,
      };
    },
  };
}
