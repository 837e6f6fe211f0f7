package io.meshbone.connect.plugin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;

/**
 * Calls Kafka's Connect API as loaded by another class loader, where this test's own {@code Schema} or
 * {@code Converter} classes are different classes: methods are picked by name and by the arguments' runtime types.
 */
final class Reflected {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, int.class, Integer.class,
            long.class, Long.class);

    private final ClassLoader loader;

    Reflected(ClassLoader loader) {
        this.loader = loader;
    }

    Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    Object constant(String type, String field) throws ReflectiveOperationException {
        return type(type).getField(field).get(null);
    }

    Object staticCall(String type, String method, Object... args) throws ReflectiveOperationException {
        return invoke(type(type), null, method, args);
    }

    Object call(Object target, String method, Object... args) throws ReflectiveOperationException {
        return invoke(target.getClass(), target, method, args);
    }

    private static Object invoke(Class<?> type, Object target, String name, Object[] args) throws ReflectiveOperationException {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && accepts(method.getParameterTypes(), args)) {
                try {
                    return accessible(method, type).invoke(target, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw e;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + Arrays.toString(args));
    }

    /** The method as a public type declares it: a package-private class's method is called through its interface. */
    private static Method accessible(Method method, Class<?> type) throws NoSuchMethodException {
        if (Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            return method;
        }
        for (Class<?> api = type; api != null; api = api.getSuperclass()) {
            for (Class<?> candidate : api.getInterfaces()) {
                try {
                    return accessible(candidate.getMethod(method.getName(), method.getParameterTypes()), candidate);
                } catch (NoSuchMethodException notThere) {
                    // Another interface may declare it.
                }
            }
        }
        throw new NoSuchMethodException("no public type declares " + method);
    }

    private static boolean accepts(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> parameter = BOXES.getOrDefault(parameters[i], parameters[i]);
            if (args[i] != null && !parameter.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }
}
