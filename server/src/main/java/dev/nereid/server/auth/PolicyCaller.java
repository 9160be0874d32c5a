package dev.nereid.server.auth;

import dev.nereid.server.auth.policy.Decision;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authenticated principal, held to its policies for each action against the cluster's database ARN.
 * The request context carries the condition keys Neptune documents for data access.
 */
final class PolicyCaller implements Caller {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCaller.class);

    private final AuthPrincipal principal;
    private final String resource;
    private final String region;
    private final boolean secureTransport;
    private final String sourceIp;
    private final Clock clock;

    /** @param sourceIp the peer's address, or null when it has none (then {@code aws:SourceIp} is absent) */
    PolicyCaller(AuthPrincipal principal, AuthConfig config, boolean secureTransport, String sourceIp, Clock clock) {
        this.principal = principal;
        this.resource = config.databaseArn();
        this.region = config.region();
        this.secureTransport = secureTransport;
        this.sourceIp = sourceIp;
        this.clock = clock;
    }

    @Override
    public boolean unrestricted() {
        return false;
    }

    @Override
    public void require(IamAction action) {
        decide(action, null);
    }

    @Override
    public void requireQuery(QueryLanguage language, boolean writes, boolean deletes) {
        decide(IamAction.READ_DATA_VIA_QUERY, language);
        if (writes) {
            decide(IamAction.WRITE_DATA_VIA_QUERY, language);
        }
        if (deletes) {
            decide(IamAction.DELETE_DATA_VIA_QUERY, language);
        }
    }

    /**
     * An explicit deny of the action wins over everything; otherwise an allow of the action, or of the legacy
     * {@code neptune-db:connect} (which granted all data access before fine-grained actions existed), lets it in.
     */
    private void decide(IamAction action, QueryLanguage language) {
        Map<String, String> context = context(language);
        Decision decision = principal.decide(action.iamName(), resource, context);
        if (decision == Decision.ALLOW || decision == Decision.IMPLICIT_DENY
                && principal.decide(IamAction.LEGACY_CONNECT, resource, context) == Decision.ALLOW) {
            return;
        }
        LOG.info("{} may not {}{} ({})", principal.name(), action.iamName(),
                language == null ? "" : " in " + language.conditionValue(),
                decision == Decision.EXPLICIT_DENY ? "explicitly denied" : "not allowed");
        throw AccessDenied.exception();
    }

    private Map<String, String> context(QueryLanguage language) {
        Instant now = clock.instant();
        Map<String, String> context = new HashMap<>();
        context.put("aws:SecureTransport", Boolean.toString(secureTransport));
        context.put("aws:RequestedRegion", region);
        context.put("aws:CurrentTime", now.toString());
        context.put("aws:EpochTime", Long.toString(now.getEpochSecond()));
        if (sourceIp != null) {
            context.put("aws:SourceIp", sourceIp);
        }
        if (language != null) {
            context.put("neptune-db:QueryLanguage", language.conditionValue());
        }
        return context;
    }
}
