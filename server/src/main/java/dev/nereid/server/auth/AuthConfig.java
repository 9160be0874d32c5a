package dev.nereid.server.auth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nereid.server.auth.policy.DocumentPath;
import dev.nereid.server.auth.policy.InvalidDocumentException;
import dev.nereid.server.auth.policy.Policy;
import dev.nereid.server.auth.policy.PolicyParser;
import dev.nereid.server.auth.policy.StrictObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file of {@code ./nereid serve --auth sigv4 --auth-config FILE}: which key pairs may sign requests, and
 * the IAM policies that say what each may do. It is read strictly, every field checked and any unknown one
 * refused, because a misspelt field silently skipped could only weaken a policy.
 *
 * @param clusterResourceId the cluster's part of the ARNs policies name, as in {@code cluster-ABCDEF}
 * @param principals        at least one in a file; each access key ID and name once
 */
public record AuthConfig(String region, String accountId, String clusterResourceId, List<AuthPrincipal> principals) {
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";
    public static final String DEFAULT_CLUSTER_RESOURCE_ID = "cluster-NEREID";

    // A key given twice would leave which value counts to the parser, so duplicates are errors too.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** How Jackson points inside its own messages; the file is named already, so only the place is kept. */
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");
    private static final List<String> FIELDS = List.of("region", "accountId", "clusterResourceId", "principals");
    private static final List<String> PRINCIPAL_FIELDS = List.of("name", "accessKeyId", "secretAccessKey", "policies");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    public AuthConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clusterResourceId, "clusterResourceId");
        principals = principals instanceof IndexedPrincipals indexed ? indexed : new IndexedPrincipals(principals);
    }

    /** @throws AuthConfigException naming the file and what is wrong with it */
    public static AuthConfig read(Path file) {
        String source = file.toString();
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AuthConfigException(source, "file does not exist", e);
        } catch (AccessDeniedException e) {
            throw new AuthConfigException(source, "file cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new AuthConfigException(source, "file cannot be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return parse(json, source);
    }

    /** @param sourceName how error messages name where the JSON came from */
    public static AuthConfig parse(String json, String sourceName) {
        return parse(json.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    public Optional<AuthPrincipal> principalByAccessKeyId(String accessKeyId) {
        return Optional.ofNullable(((IndexedPrincipals) principals).byAccessKeyId.get(accessKeyId));
    }

    /**
     * The resource every data-access request is evaluated against. Neptune documents its data resources as
     * {@code arn:aws:neptune-db:region:account-id:cluster-resource-id/*}, so policies written that way match it.
     */
    public String databaseArn() {
        return "arn:aws:neptune-db:" + region + ":" + accountId + ":" + clusterResourceId + "/database";
    }

    private static AuthConfig parse(byte[] json, String source) {
        JsonNode root;
        try (JsonParser parser = JSON.createParser(json)) {
            root = JSON.readTree(parser);
            if (root == null) {
                throw new AuthConfigException(source, "not valid JSON: there is nothing in it");
            }
            if (parser.nextToken() != null) {
                throw new AuthConfigException(source, "not valid JSON" + where(parser.currentTokenLocation())
                        + ": there is more after the top-level value");
            }
        } catch (JsonProcessingException e) {
            throw new AuthConfigException(source, "not valid JSON" + where(e.getLocation()) + ": "
                    + JACKSON_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("line $1, column $2"), e);
        } catch (IOException e) {
            throw new AuthConfigException(source, "not valid JSON: " + e.getMessage(), e);
        }
        try {
            return fromJson(root);
        } catch (InvalidDocumentException e) {
            throw new AuthConfigException(source, e.getMessage(), e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static AuthConfig fromJson(JsonNode root) {
        StrictObject config = StrictObject.of(root, DocumentPath.ROOT).onlyFields(FIELDS);
        String region = config.nonBlankString("region");
        String accountId = config.has("accountId") ? accountId(config) : DEFAULT_ACCOUNT_ID;
        String clusterResourceId = config.has("clusterResourceId")
                ? clusterResourceId(config) : DEFAULT_CLUSTER_RESOURCE_ID;
        JsonNode list = config.required("principals");
        DocumentPath listPath = config.path("principals");
        if (!list.isArray() || list.isEmpty()) {
            throw listPath.expected("a non-empty array of principals", list);
        }
        List<AuthPrincipal> principals = new ArrayList<>();
        Map<String, DocumentPath> names = new HashMap<>();
        Map<String, DocumentPath> accessKeyIds = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            DocumentPath at = listPath.index(i);
            AuthPrincipal principal = principal(list.get(i), at);
            DocumentPath sameName = names.putIfAbsent(principal.name(), at);
            if (sameName != null) {
                throw at.field("name").problem(quoted(principal.name()) + " is already the name of " + sameName);
            }
            DocumentPath sameKey = accessKeyIds.putIfAbsent(principal.accessKeyId(), at);
            if (sameKey != null) {
                throw at.field("accessKeyId").problem(quoted(principal.accessKeyId())
                        + " is already the access key ID of " + sameKey);
            }
            principals.add(principal);
        }
        return new AuthConfig(region, accountId, clusterResourceId, principals);
    }

    private static String accountId(StrictObject config) {
        JsonNode value = config.required("accountId");
        if (!value.isTextual() || !ACCOUNT_ID.matcher(value.textValue()).matches()) {
            throw config.path("accountId").expected("a string of 12 digits", value);
        }
        return value.textValue();
    }

    private static String clusterResourceId(StrictObject config) {
        String id = config.nonBlankString("clusterResourceId");
        if (id.contains("/")) {
            // The ARN's resource part would then no longer end in exactly "/database".
            throw config.path("clusterResourceId").problem("must not contain '/', was " + quoted(id));
        }
        return id;
    }

    private static AuthPrincipal principal(JsonNode node, DocumentPath path) {
        StrictObject principal = StrictObject.of(node, path).onlyFields(PRINCIPAL_FIELDS);
        String name = principal.nonBlankString("name");
        String accessKeyId = principal.nonBlankString("accessKeyId");
        String secretAccessKey = principal.nonBlankSecret("secretAccessKey");
        JsonNode documents = principal.required("policies");
        if (!documents.isArray()) {
            throw principal.path("policies").expected("an array of policy documents", documents);
        }
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            policies.add(PolicyParser.parse(documents.get(i), principal.path("policies").index(i)));
        }
        return new AuthPrincipal(name, accessKeyId, secretAccessKey, policies);
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }

    /**
     * The principals with an index by access key ID. A record cannot hold a field derived from its
     * components, so the list component carries the index itself; it equals any list of the same principals.
     */
    private static final class IndexedPrincipals extends AbstractList<AuthPrincipal> {
        private final List<AuthPrincipal> principals;
        private final Map<String, AuthPrincipal> byAccessKeyId = new HashMap<>();

        IndexedPrincipals(List<AuthPrincipal> principals) {
            this.principals = List.copyOf(principals);
            for (AuthPrincipal principal : this.principals) {
                if (byAccessKeyId.put(principal.accessKeyId(), principal) != null) {
                    throw new IllegalArgumentException("two principals have the access key ID " + principal.accessKeyId());
                }
            }
        }

        @Override
        public AuthPrincipal get(int index) {
            return principals.get(index);
        }

        @Override
        public int size() {
            return principals.size();
        }
    }
}
