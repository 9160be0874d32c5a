package dev.nereid.server.system;

import dev.nereid.server.http.BodyFields;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /system}: a JSON object or a form, whatever the Content-Type says, since
 * {@code curl -d '{"action":…}'} sends JSON labelled as a form. Only {@code action} and
 * {@code token} mean anything; other fields are ignored, as Neptune does.
 *
 * @param action the requested action
 * @param token  the reset token, or null
 */
record SystemCommand(String action, String token) {
    private static final List<String> FIELDS = List.of("action", "token");

    static SystemCommand parse(String body) {
        Map<String, BodyFields.Field> fields = BodyFields.parse(body, FIELDS, "/system");
        BodyFields.Field action = fields.get("action");
        if (action == null) {
            throw new NereidException(ErrorCode.MISSING_PARAMETER, "Missing required parameters: [action]");
        }
        BodyFields.Field token = fields.get("token");
        return new SystemCommand(action.text(), token == null ? null : token.text());
    }
}
