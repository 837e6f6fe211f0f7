package io.meshbone.platform.policy;

import java.util.Objects;

/**
 * A governance policy: a CEL rule every contract in its scope must meet, applied by the contract gate.
 *
 * @param name        lower-kebab, unique across the mesh
 * @param version     assigned by the gate, the previous version plus one; 0 for a policy not yet applied
 * @param owner       {@link Policies#MESH} for a mesh-wide policy, else the name of the domain that owns it
 * @param description what the policy is for, for the catalog
 * @param scope       which products it applies to
 * @param rule        a CEL expression over {@code product}, {@code fields}, {@code previous} and {@code cluster}; true = complies
 * @param effect      what failing it does: reject the contract, or accept it with a warning
 * @param message     what a failing contract is told, e.g. what to change
 */
public record Policy(String name, int version, String owner, String description, PolicyScope scope, String rule,
                     PolicyEffect effect, String message) {

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(message, "message");
    }

    /** Whether the whole mesh's governance group owns it (rather than one domain). */
    public boolean meshWide() {
        return Policies.MESH.equals(owner);
    }

    /** This policy as version {@code next}. */
    public Policy withVersion(int next) {
        return new Policy(name, next, owner, description, scope, rule, effect, message);
    }

    /** {@code <name> v<version>}, as decisions name it. */
    public String label() {
        return name + " v" + version;
    }
}
