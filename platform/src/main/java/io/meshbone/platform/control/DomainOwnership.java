package io.meshbone.platform.control;

/**
 * Who owns a registered domain, as kept on {@code _mesh.domains} (compacted, key = domain): the owner alone (and the
 * admin) lists, changes and retires the domain's products, approves access to them and hands the domain on.
 *
 * @param domain    the domain, e.g. {@code orders}
 * @param owner     the owning principal, e.g. {@code User:team-orders}
 * @param decidedBy who made it so: the admin who created the domain, or the previous owner who approved the transfer
 * @param requestId the creation or transfer request that made this owner
 * @param since     when this owner took over
 */
public record DomainOwnership(String domain, String owner, String decidedBy, String requestId, java.time.Instant since) {
}
