package io.meshbone.platform.control;

/** An approved access request: {@code principal} may read {@code product}'s topic (and its PII fields when {@code pii}), as kept on {@code _mesh.access-grants}. */
public record AccessGrant(String product, String principal, boolean pii, String requestId, String reason, String grantedBy, java.time.Instant grantedAt) {
    public String key() {
        return product + "|" + principal;
    }
}
