package io.meshbone.cli.serve;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.http.HttpSecurity;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The HTTP security settings of the registry and the catalog: the users file and the names mutating requests may carry. */
final class HttpNamesOptions {

    @Mixin
    HttpUsersOption users;

    @Option(names = "--http-allowed-hosts", split = ",", paramLabel = "NAME[,...]",
            description = "Host names POST/PUT/DELETE requests may address beside localhost, 127.0.0.1, [::1] and --host "
                    + "(such as the service's DNS name in compose or Kubernetes). Default: none.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--http-allowed-origins", split = ",", paramLabel = "ORIGIN[,...]",
            description = "Origins (scheme://host[:port]) of web pages that may send POST/PUT/DELETE requests beside the "
                    + "service's own. Default: none.")
    List<String> allowedOrigins = new ArrayList<>();

    HttpSecurity security() {
        return HttpSecurity.open().withUsersFile(users.usersFile).withAllowedHosts(allowedHosts).withAllowedOrigins(allowedOrigins);
    }
}
