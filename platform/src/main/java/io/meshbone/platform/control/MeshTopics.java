package io.meshbone.platform.control;

/** The mesh's internal topics, named once. */
public final class MeshTopics {

    /** Contract requests from {@code product apply} and the catalog, keyed by product name. */
    public static final String PRODUCT_REQUESTS = "_mesh.product-requests";
    /** The registry of listed products: compacted, key = product name, value = {@link ListedProduct}. */
    public static final String PRODUCTS = "_mesh.products";
    /** One {@link Decision} per request, and drift the provisioner cannot fix; keyed by product name. */
    public static final String DECISIONS = "_mesh.decisions";
    /** Policy requests from {@code policy apply}, keyed by policy name: {@link PolicyRequest}. */
    public static final String POLICY_REQUESTS = "_mesh.policy-requests";
    /** The policies in force: compacted, key = policy name, value = {@link ListedPolicy}. */
    public static final String POLICIES = "_mesh.policies";
    /** OpenLineage run events of the gate and the domain apps. */
    public static final String LINEAGE = "_mesh.lineage";
    /**
     * Records of staging topics that no listed product version owns, with the gate's {@code mesh.error.*} headers
     * and {@code mesh.source} naming the staging topic; such a topic has no DLQ of its own to go to.
     */
    public static final String UNLISTED_DLQ = "_mesh.unlisted.dlq";
    /** Requests to read a product, from {@code access request}, keyed by product name. */
    public static final String ACCESS_REQUESTS = "_mesh.access-requests";
    /** Approved access requests: compacted, key = {@code <product>|<principal>}, value = {@link AccessGrant}; a tombstone revokes. */
    public static final String ACCESS_GRANTS = "_mesh.access-grants";
    /** The mesh's domains and their owners: compacted, key = domain name. */
    public static final String DOMAINS = "_mesh.domains";
    /** Requests to create a domain or transfer its ownership, keyed by domain name. */
    public static final String DOMAIN_REQUESTS = "_mesh.domain-requests";
    /** The schema registry's store. */
    public static final String SCHEMAS = "_schemas";

    private MeshTopics() {
    }
}
