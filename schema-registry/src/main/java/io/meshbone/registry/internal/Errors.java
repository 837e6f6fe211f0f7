package io.meshbone.registry.internal;

import org.eclipse.jetty.http.HttpStatus;

/**
 * The one place that builds error answers, with Confluent Schema Registry's codes and messages.
 *
 * <p>An incompatible schema answers HTTP 409 with {@code error_code} 40901, as Confluent Platform
 * does from 8.0.4 on (earlier releases used 409); clients read the HTTP status.
 */
public final class Errors {

    public static final int INCOMPATIBLE_SCHEMA = 40901;

    private Errors() {
    }

    public static RestError subjectNotFound(String subject) {
        return new RestError(404, 40401, "Subject '" + subject + "' not found.");
    }

    public static RestError versionNotFound(int version) {
        return new RestError(404, 40402, "Version " + version + " not found.");
    }

    public static RestError schemaNotFound() {
        return new RestError(404, 40403, "Schema not found");
    }

    public static RestError schemaNotFound(int id) {
        return new RestError(404, 40403, "Schema " + id + " not found");
    }

    public static RestError subjectSoftDeleted(String subject) {
        return new RestError(404, 40404, "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    public static RestError subjectNotSoftDeleted(String subject) {
        return new RestError(404, 40405, "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    public static RestError versionSoftDeleted(String subject, int version) {
        return new RestError(404, 40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    public static RestError versionNotSoftDeleted(String subject, int version) {
        return new RestError(404, 40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    public static RestError subjectCompatibilityNotConfigured(String subject) {
        return new RestError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    public static RestError subjectModeNotConfigured(String subject) {
        return new RestError(404, 40409, "Subject '" + subject + "' does not have subject-level mode configured");
    }

    public static RestError incompatibleSchema(String message) {
        return new RestError(409, INCOMPATIBLE_SCHEMA, message);
    }

    public static RestError invalidSchema(String message) {
        return new RestError(422, 42201, message);
    }

    public static RestError invalidVersion(String version) {
        return new RestError(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    public static RestError invalidCompatibilityLevel() {
        return new RestError(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, "
                + "full, backward_transitive, forward_transitive, and full_transitive");
    }

    /** A config update this registry cannot keep as sent; Confluent's config errors are 42203 too. */
    public static RestError invalidConfig(String message) {
        return new RestError(422, 42203, message);
    }

    public static RestError invalidMode(String mode) {
        return new RestError(422, 42204, "Invalid mode '" + mode + "'. Valid values are READWRITE, READONLY, "
                + "READONLY_OVERRIDE and IMPORT");
    }

    public static RestError operationNotPermitted(String message) {
        return new RestError(422, 42205, message);
    }

    /** An explicit schema id outside 1..2^31-1; Confluent answers a not-permitted registration with 42205 too. */
    public static RestError invalidSchemaId(String id) {
        return new RestError(422, 42205, "Schema id " + id + " is not a valid id; expected an integer from 1 to "
                + Integer.MAX_VALUE);
    }

    /** The highest id is taken: a new one would wrap around and give one id to two schemas. */
    public static RestError schemaIdsExhausted() {
        return new RestError(422, 42205, "No schema id is left: the highest id, " + Integer.MAX_VALUE
                + ", is in use and ids are never reused; register this schema with a free explicit id in IMPORT mode");
    }

    public static RestError referenceExists(String message) {
        return new RestError(422, 42206, message);
    }

    public static RestError idDoesNotMatch(String message) {
        return new RestError(422, 42207, message);
    }

    public static RestError invalidSubject(String subject) {
        return new RestError(422, 42208, "The specified subject '" + subject + "' is not a valid subject.");
    }

    public static RestError schemaTooLarge(long limit) {
        return new RestError(422, 42209, "Request body is larger than the limit of " + limit + " bytes");
    }

    public static RestError badRequestJson(String detail) {
        return new RestError(400, 400, detail);
    }

    public static RestError unauthorized() {
        return new RestError(401, 401, "Unauthorized");
    }

    /** Confluent's authorization failure: {@code User is denied operation Write on Subject: x-value}, with why. */
    public static RestError denied(String operation, String resource, String why) {
        return new RestError(403, 40301, "User is denied operation " + operation + " on " + resource + " (" + why + ")");
    }

    public static RestError notFound() {
        return http(404);
    }

    public static RestError methodNotAllowed() {
        return http(405);
    }

    /** An error with no Confluent code of its own: the status is the code, its reason phrase the message. */
    public static RestError http(int status) {
        return http(status, "HTTP " + status + " " + HttpStatus.getMessage(status));
    }

    /** An error the HTTP layer found (a malformed query string, an unreadable body): the status is the code. */
    public static RestError http(int status, String message) {
        return new RestError(status, status, message);
    }

    public static RestError storeError(String message, Throwable cause) {
        return new RestError(500, 50001, message, cause);
    }

    public static RestError operationTimeout(String message, Throwable cause) {
        return new RestError(500, 50002, message, cause);
    }

    /** Confluent's answer when a follower cannot forward a write to its leader. */
    public static RestError forwardingFailed(String message, Throwable cause) {
        return new RestError(500, 50003, message, cause);
    }

    public static RestError internal(String message, Throwable cause) {
        return new RestError(500, 50001, message, cause);
    }
}
