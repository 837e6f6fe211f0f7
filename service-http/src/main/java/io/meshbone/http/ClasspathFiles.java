package io.meshbone.http;

import java.util.Map;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** Jetty's {@link ResourceHandler} over a folder on the classpath: a small web page's files. */
public final class ClasspathFiles {

    private static final Map<String, String> UTF8_TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private ClasspathFiles() {
    }

    /**
     * GET and HEAD of the files in {@code folder} (such as {@code meshbone/catalog/web/}), {@code index.html} for
     * {@code /}, no directory listings, text types in UTF-8, every answer with this {@code Cache-Control}. A path
     * with no file is left to the next handler.
     */
    public static Handler handler(String folder, String cacheControl) {
        ResourceHandler files = new ResourceHandler();
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        files.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        files.setCacheControl(cacheControl);
        // The resource handler takes its base and its MIME types from the context around it.
        ContextHandler context = new ContextHandler(files);
        Resource base = ResourceFactory.of(context).newClassLoaderResource(folder);
        if (base == null) {
            throw new IllegalStateException("No folder " + folder + " on the classpath");
        }
        context.setBaseResource(base);
        UTF8_TYPES.forEach(context.getMimeTypes()::addMimeMapping);
        return context;
    }
}
