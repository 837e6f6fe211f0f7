package io.meshbone.cli.plan;

/**
 * One thing applying would do to a topic, subject or ACL, or leave as it is.
 *
 * @param resource what kind of thing
 * @param kind     create, alter, leave unchanged or remove
 * @param name     the topic or subject name, or the ACL's resource
 * @param detail   the shape created, the differences altered, or {@code unchanged}
 */
public record Change(Resource resource, Kind kind, String name, String detail) {

    /** What a change is made to. */
    public enum Resource {
        TOPIC, SUBJECT, ACL;

        String word() {
            return name().equals("ACL") ? "acl" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What happens to it, with Terraform's sign. */
    public enum Kind {
        CREATE('+'), ALTER('~'), UNCHANGED('='), REMOVE('-');

        private final char sign;

        Kind(char sign) {
            this.sign = sign;
        }

        public char sign() {
            return sign;
        }
    }

    /** {@code + topic orders.order-placed.v1: partitions 6, …}. */
    public String line() {
        return kind.sign() + " " + resource.word() + " " + name + ": " + detail;
    }
}
