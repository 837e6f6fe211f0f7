package io.meshbone.cli.plan;

import java.io.PrintWriter;
import java.util.List;

/** Prints plans as {@code meshbone product plan} shows them: each product's changes, then a Terraform-like summary. */
public final class PlanPrinter {

    private PlanPrinter() {
    }

    /** The lines under a product's decision: what happens to its listing, each change, who reads it. */
    public static void print(PrintWriter out, ProductPlan plan) {
        String listed = plan.listedVersion().map(v -> "listed " + v).orElse("");
        out.println("  " + switch (plan.action()) {
            case LIST -> "to list: a new product";
            case CHANGE -> "to change: " + listed;
            case UNCHANGED -> "unchanged: " + listed + ", nothing to apply";
            case REJECTED -> "nothing would change: the gate would reject it";
        });
        plan.changes().forEach(change -> out.println("  " + change.line()));
        if (plan.action() != ProductPlan.Action.REJECTED) {
            ProductPlan.Consumers c = plan.consumers();
            out.printf("  consumers affected: declared %s; downstream products %s; live groups %s%n",
                    list(c.declared()), list(c.downstream()), list(c.live()));
        }
    }

    /**
     * {@code Plan: 1 product to list, 0 to change, 3 topics to create, 0 to alter, 2 subjects to register, 40 ACLs to grant.},
     * with {@code , <n> to revoke} after the grants when a plan removes ACLs.
     */
    public static String summary(List<ProductPlan> plans) {
        long list = plans.stream().filter(p -> p.action() == ProductPlan.Action.LIST).count();
        long change = plans.stream().filter(p -> p.action() == ProductPlan.Action.CHANGE).count();
        long rejected = plans.stream().filter(p -> p.action() == ProductPlan.Action.REJECTED).count();
        long create = sum(plans, Change.Resource.TOPIC, Change.Kind.CREATE);
        long alter = sum(plans, Change.Resource.TOPIC, Change.Kind.ALTER);
        long subjects = sum(plans, Change.Resource.SUBJECT, Change.Kind.CREATE);
        long acls = sum(plans, Change.Resource.ACL, Change.Kind.CREATE);
        long revoke = sum(plans, Change.Resource.ACL, Change.Kind.REMOVE);
        return String.format("Plan: %d %s to list, %d to change, %d %s to create, %d to alter, %d %s to register, %d %s to grant%s.%s",
                list, plural(list, "product"), change, create, plural(create, "topic"), alter, subjects, plural(subjects, "subject"),
                acls, plural(acls, "ACL"), revoke == 0 ? "" : ", " + revoke + " to revoke",
                rejected == 0 ? "" : " " + rejected + " would be rejected: nothing applied for " + (rejected == 1 ? "it." : "them."));
    }

    private static long sum(List<ProductPlan> plans, Change.Resource resource, Change.Kind kind) {
        return plans.stream().mapToLong(p -> p.count(resource, kind)).sum();
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
