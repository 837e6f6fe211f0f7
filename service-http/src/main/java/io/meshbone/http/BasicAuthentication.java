package io.meshbone.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.security.Password;

/**
 * HTTP basic authentication on Jetty's security handler: every path needs one of a fixed set of users, or one of
 * the users of a users file in Jetty's {@link HashLoginService} format ({@code <name>: <password>} lines).
 *
 * <p>An endpoint reads who called with {@link Call#principal()}. A refused call answers 401 with {@code WWW-Authenticate: Basic realm="<realm>", charset="UTF-8"}; its
 * body comes from the server's error handler (see {@link JettyErrors}).
 */
public final class BasicAuthentication {

    private BasicAuthentication() {
    }

    /** {@code handler} behind basic auth for these user to password pairs; with no users, {@code handler} itself. */
    public static Handler protect(Handler handler, String realm, Map<String, String> users) {
        if (users.isEmpty()) {
            return handler;
        }
        UserStore store = new UserStore();
        users.forEach((user, password) -> store.addUser(user, new Password(password), new String[0]));
        HashLoginService login = new HashLoginService(realm);
        login.setUserStore(store);
        return protect(handler, login);
    }

    /**
     * {@code handler} behind basic auth for the users of {@code usersFile}, read when the server starts; a missing or
     * unreadable file fails here, naming it.
     */
    public static Handler protect(Handler handler, String realm, Path usersFile) {
        if (!Files.isReadable(usersFile)) {
            throw new IllegalArgumentException("HTTP users file " + usersFile + " does not exist or cannot be read");
        }
        return protect(handler, new HashLoginService(realm, ResourceFactory.root().newResource(usersFile.toAbsolutePath())));
    }

    private static Handler protect(Handler handler, HashLoginService login) {
        BasicAuthenticator authenticator = new Base64Tolerant();
        authenticator.setCharset(StandardCharsets.UTF_8);
        SecurityHandler.PathMapped security = new SecurityHandler.PathMapped(handler);
        security.setLoginService(login);
        security.setAuthenticator(authenticator);
        security.put("/*", Constraint.ANY_USER);
        return security;
    }

    /** Credentials that are not base64 at all are refused like wrong ones (401), where Jetty's own would fail with 500. */
    private static final class Base64Tolerant extends BasicAuthenticator {

        @Override
        public AuthenticationState validateRequest(Request request, Response response, Callback callback)
                throws ServerAuthException {
            try {
                return super.validateRequest(request, response, callback);
            } catch (IllegalArgumentException e) {
                return super.validateRequest(new Request.Wrapper(request) {
                    @Override
                    public HttpFields getHeaders() {
                        return HttpFields.build(request.getHeaders()).remove(HttpHeader.AUTHORIZATION).asImmutable();
                    }
                }, response, callback);
            }
        }
    }
}
