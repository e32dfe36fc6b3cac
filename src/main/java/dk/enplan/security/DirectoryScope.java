package dk.enplan.security;

import org.springframework.stereotype.Component;

/**
 * The directory a caseworker sees: the users of her own municipality (Tasklist's assignee picker, names on tasks),
 * her own groups and tenants. Groups themselves are the network's roles ({@code koordinator}, {@code sektor-…}),
 * the same in every municipality, and stay readable; who belongs to them does not cross municipalities.
 */
@Component
class DirectoryScope {

  private final EngineLookups engine;

  DirectoryScope(EngineLookups engine) {
    this.engine = engine;
  }

  /** A user query is kept within the caller's municipality (the engine's {@code memberOfTenant}). */
  Verdict userQuery(EngineCaller caller, EngineApiCall call) {
    String tenant = caller.onlyTenant().orElse(null);
    if (tenant == null) {
      return Verdict.forbidden("Brugeroversigten viser en kommunes medarbejdere; du hører ikke til én kommune");
    }
    String asked = call.parameter("memberOfTenant");
    if (asked != null && !asked.equals(tenant)) {
      return Verdict.forbidden("Du kan kun se medarbejdere i din egen kommune");
    }
    return Verdict.allowWith("memberOfTenant", tenant);
  }

  /** One user's profile: oneself, or a colleague of the same municipality. */
  Verdict user(EngineCaller caller, String userId) {
    if (userId.equals(caller.userId())) {
      return Verdict.ALLOW;
    }
    boolean colleague = caller.onlyTenant().map(tenant -> engine.isMemberOf(userId, tenant)).orElse(false);
    return colleague ? Verdict.ALLOW : Verdict.forbidden("Du kan kun se medarbejdere i din egen kommune");
  }

  /** Groups are the network's roles; whose groups may be listed is limited like users. */
  Verdict groupQuery(EngineCaller caller, EngineApiCall call) {
    String member = call.parameter("member");
    if (member == null || call.parameter("memberOfTenant") != null) {
      return member == null && call.parameter("memberOfTenant") == null ? Verdict.ALLOW
          : Verdict.forbidden("Grupper kan kun søges på medlem");
    }
    return user(caller, member);
  }

  /** A caller sees her own municipalities only. */
  Verdict tenantQuery(EngineCaller caller, EngineApiCall call) {
    String member = call.parameter("userMember");
    if (member != null && !member.equals(caller.userId())) {
      return Verdict.forbidden("Du kan kun se dine egne kommuner");
    }
    return Verdict.allowWith("userMember", caller.userId());
  }
}
