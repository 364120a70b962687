package dev.dcerrors.core;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Reads the code of a response object passed as a log argument ({@code log.info("response: {}", result)}),
 * without calling its {@code toString()}. A response object has a code and a message, the envelope rule of the
 * text grammar applied to objects:
 * <ul>
 *   <li>a {@link Map} (fastjson's {@code JSONObject} is one) with a code key and a message key;</li>
 *   <li>a Jackson {@code JsonNode} (Jackson 2 and 3) or a Gson {@code JsonObject} with both fields, read through
 *       their {@code get(String)} without a compile-time dependency;</li>
 *   <li>an object whose class exposes a code property and a message property: a record component, a
 *       {@code getCode()}/{@code code()} accessor or a public field (Lombok {@code @Data} DTOs, records, POJOs);</li>
 *   <li>one level of wrapper around one of those (or around a JSON text): {@link Optional}, Spring's
 *       {@code HttpEntity}/{@code ResponseEntity} ({@code getBody()}), without a dependency on Spring.</li>
 * </ul>
 * The code value counts when it is an integral number or a string holding one ({@link CodeScanner#codeValue}).
 *
 * <p>How to read a class is worked out once per class and cached ({@link ClassValue}, {@link MethodHandle}s);
 * reading a DTO then calls one accessor and allocates nothing. JDK classes (those of the boot and platform class
 * loaders) are recognized by their loader, without the cache, so no JDK class keeps a reference into an
 * application's class loader; which other classes are plain values (numbers, enums, collections, throwables,
 * arrays) is worked out once per class with the rest. An accessor that throws is not caught here:
 * the caller skips the argument and reports the failure once.
 */
final class ResponseObjects {

    /** What {@link #read} returns for an object that is not response-like. */
    static final int NOT_A_RESPONSE = -2;
    /** What {@link #read} returns for a wrapper ({@link Optional}, {@code HttpEntity}): {@link #unwrap} it, then read the body. */
    static final int WRAPPER_FOUND = -3;
    /** What {@link #read} returns for a response object whose code is not a number. */
    static final int NO_CODE = -1;

    private static final int MAX_MAP_ENTRIES_COMPARED = 256;

    private final List<String> codeKeys;
    private final List<String> messageKeys;
    private final boolean ignoreKeyCase;
    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return readerOf(type);
        }
    };

    /**
     * A reader for these keys. A DTO's code getter is a lambda, a class of its own that lives as long as the DTO's class
     * loader: a recognizer configured anew with the same keys ({@code scan="true"}, Spring Boot's resets) takes over the
     * reader of the one it replaces ({@link ErrorRecognizer#reusingObjectReaders}), so the lambda is made once per
     * configuration of keys, not once per configuration.
     */
    ResponseObjects(List<String> codeKeys, List<String> messageKeys, boolean ignoreKeyCase) {
        this.codeKeys = List.copyOf(codeKeys);
        this.messageKeys = List.copyOf(messageKeys);
        this.ignoreKeyCase = ignoreKeyCase;
    }

    /** Whether {@code other} reads with the same keys, so that either can stand for the other. */
    boolean sameKeysAs(ResponseObjects other) {
        return codeKeys.equals(other.codeKeys) && messageKeys.equals(other.messageKeys) && ignoreKeyCase == other.ignoreKeyCase;
    }

    /**
     * What a wrapper ({@link #read} answered {@link #WRAPPER_FOUND}) holds: the value of an {@link Optional} or the body of
     * an {@code HttpEntity}, null when the wrapper is empty.
     */
    @Nullable Object unwrap(Object wrapper) {
        if (wrapper instanceof Optional) {
            return ((Optional<?>) wrapper).orElse(null);
        }
        return invoke(readers.get(wrapper.getClass()).handle, wrapper);
    }

    /**
     * The code of {@code value} when it is a response object: the value (0 or more), {@link #NO_CODE} when its code
     * is not a number, {@link #NOT_A_RESPONSE} when it is no response object, {@link #WRAPPER_FOUND} when it is a wrapper
     * to {@link #unwrap}. One type check and one cache lookup for a DTO: this is the path of every object argument.
     */
    int read(Object value) {
        if (value instanceof Map) {
            return readMap((Map<?, ?>) value);
        }
        if (value instanceof Optional) {
            return WRAPPER_FOUND;
        }
        Class<?> type = value.getClass();
        if (value instanceof CharSequence || isJdkClass(type)) {
            return NOT_A_RESPONSE;
        }
        ObjectReader reader = readers.get(type);
        switch (reader.kind) {
            case WRAPPER:
                return WRAPPER_FOUND;
            case INT_PROPERTY:
                int v = reader.intCode.applyAsInt(value);
                return v >= 0 && v <= CodeScanner.MAX_VALUE ? v : NO_CODE;
            case PROPERTY:
                Object code = reader.code.apply(value);
                return code == null ? NO_CODE : codeOf(code);
            case JSON_TREE:
                return readTree(reader.handle, value);
            default:
                return NOT_A_RESPONSE;
        }
    }

    private static final ClassLoader PLATFORM_LOADER = ClassLoader.getPlatformClassLoader();

    /** A class of the JDK: loaded by the boot or the platform class loader. Two reads, on the path of every object argument. */
    private static boolean isJdkClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == PLATFORM_LOADER;
    }

    /** A class whose instances are values, never response objects, wherever it was loaded. */
    private static boolean isPlainValueClass(Class<?> type) {
        return Number.class.isAssignableFrom(type) || Enum.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                || Throwable.class.isAssignableFrom(type) || type.isArray() || type.getName().startsWith("java.");
    }

    private int readMap(Map<?, ?> map) {
        Object code = null;
        boolean hasMessage = false;
        try {
            if (!ignoreKeyCase) {
                for (int i = 0; i < codeKeys.size() && code == null; i++) {
                    code = map.get(codeKeys.get(i));
                }
                for (int i = 0; i < messageKeys.size() && !hasMessage; i++) {
                    hasMessage = map.containsKey(messageKeys.get(i));
                }
            } else {
                int compared = 0;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (++compared > MAX_MAP_ENTRIES_COMPARED) {
                        break;
                    }
                    if (entry.getKey() instanceof String) {
                        String key = (String) entry.getKey();
                        if (code == null && containsIgnoreCase(codeKeys, key)) {
                            code = entry.getValue();
                        } else if (containsIgnoreCase(messageKeys, key)) {
                            hasMessage = true;
                        }
                    }
                }
            }
        } catch (ClassCastException | NullPointerException keysOfAnotherType) {
            return NOT_A_RESPONSE; // a map whose keys are not strings (TreeMap<Integer, ...>) rejects a String key
        }
        if (code == null || !hasMessage) {
            return NOT_A_RESPONSE;
        }
        return codeOf(code);
    }

    private static boolean containsIgnoreCase(List<String> keys, String key) {
        for (String k : keys) {
            if (k.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    private static int codeOf(Object value) {
        int code = CodeScanner.codeValue(value);
        return code >= 0 ? code : NO_CODE;
    }

    /** A JSON tree with a code field beside a message field: the code node's value. */
    private int readTree(MethodHandle get, Object tree) {
        Object codeNode = null;
        for (int i = 0; i < codeKeys.size() && codeNode == null; i++) {
            codeNode = invoke(get, tree, codeKeys.get(i));
        }
        if (codeNode == null) {
            return NOT_A_RESPONSE;
        }
        boolean hasMessage = false;
        for (int i = 0; i < messageKeys.size() && !hasMessage; i++) {
            hasMessage = invoke(get, tree, messageKeys.get(i)) != null;
        }
        if (!hasMessage) {
            return NOT_A_RESPONSE;
        }
        // A number node prints as 5147, or as 5147.0 when it holds a double (Jackson's DoubleNode, Gson's numbers
        // from toJsonTree): codeValue reads that as 5147. A text node prints as "5147".
        String text = codeNode.toString();
        if (text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"') {
            text = text.substring(1, text.length() - 1);
        }
        return codeOf(text);
    }

    private static @Nullable Object invoke(MethodHandle handle, Object target) {
        try {
            return (Object) handle.invokeExact(target);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new UndeclaredThrowableException(checked);
        }
    }

    private static @Nullable Object invoke(MethodHandle handle, Object target, String key) {
        try {
            return (Object) handle.invokeExact(target, key);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new UndeclaredThrowableException(checked);
        }
    }

    // ---------------------------------------------------------------- per class, worked out once

    /** How a class is read. */
    private enum Kind {
        /** Not a response object. */
        NONE,
        /** A code property of type int, short or byte: {@code handle} is {@code (Object)int}. */
        INT_PROPERTY,
        /** A code property of another type: {@code handle} is {@code (Object)Object}. */
        PROPERTY,
        /** A Jackson or Gson tree: {@code handle} is its {@code get(String)}, {@code (Object,String)Object}. */
        JSON_TREE,
        /** Spring's {@code HttpEntity}: {@code handle} is its {@code getBody()}, {@code (Object)Object}. */
        WRAPPER
    }

    /**
     * How to read one class: its kind and the one accessor it needs, as a handle for trees and wrappers, and as a
     * function for the code property of a DTO, the path of every response object logged.
     */
    private static final class ObjectReader {
        /** Not read: its accessors are never called. */
        static final ObjectReader NONE = new ObjectReader(Kind.NONE, MethodHandles.constant(Object.class, null));

        final Kind kind;
        final MethodHandle handle;
        /** The code getter of an {@link Kind#INT_PROPERTY}, else null. */
        final @Nullable ToIntFunction<Object> intCode;
        /** The code getter of a {@link Kind#PROPERTY}, else null. */
        final @Nullable Function<Object, @Nullable Object> code;

        ObjectReader(Kind kind, MethodHandle handle) {
            this(kind, handle, null, null);
        }

        private ObjectReader(Kind kind, MethodHandle handle, @Nullable ToIntFunction<Object> intCode, @Nullable Function<Object, @Nullable Object> code) {
            this.kind = kind;
            this.handle = handle;
            this.intCode = intCode;
            this.code = code;
        }

        static ObjectReader intProperty(Class<?> type, MethodHandle accessor) {
            ToIntFunction<Object> getter = lambda(type, accessor, ToIntFunction.class, "applyAsInt", INT_GETTER, int.class);
            if (getter == null) {
                MethodHandle handle = accessor.asType(INT_GETTER);
                getter = value -> {
                    try {
                        return (int) handle.invokeExact(value);
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable checked) {
                        throw new UndeclaredThrowableException(checked);
                    }
                };
            }
            return new ObjectReader(Kind.INT_PROPERTY, accessor, getter, null);
        }

        static ObjectReader property(Class<?> type, MethodHandle accessor) {
            Function<Object, @Nullable Object> getter = lambda(type, accessor, Function.class, "apply", OBJECT_GETTER, Object.class);
            if (getter == null) {
                MethodHandle handle = accessor.asType(OBJECT_GETTER);
                getter = value -> invoke(handle, value);
            }
            return new ObjectReader(Kind.PROPERTY, accessor, null, getter);
        }

        /**
         * The getter {@code accessor} of {@code type} as a lambda defined beside {@code type}, what a method reference
         * {@code Dto::getCode} compiles to, which the JIT inlines where one class is logged; a call through a
         * {@link MethodHandle} held in a field is not inlined. Null where that is not possible, and the handle is
         * called instead: a field, a class of another class loader than this library's, a module that does not open
         * its package.
         */
        @SuppressWarnings("unchecked")
        private static <F> @Nullable F lambda(Class<?> type, MethodHandle accessor, Class<F> function, String method, MethodType erased,
                Class<?> returned) {
            try {
                MethodHandles.Lookup beside = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                if (!beside.hasFullPrivilegeAccess() || beside.revealDirect(accessor).getReferenceKind() == MethodHandleInfo.REF_getField) {
                    return null;
                }
                MethodType instantiated = MethodType.methodType(returned, accessor.type().parameterType(0));
                CallSite site = LambdaMetafactory.metafactory(beside, method, MethodType.methodType(function), erased, accessor, instantiated);
                return (F) site.getTarget().invoke();
            } catch (Throwable notPossible) {
                return null;
            }
        }
    }

    private static final MethodType OBJECT_GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType INT_GETTER = MethodType.methodType(int.class, Object.class);
    private static final MethodType TREE_GET = MethodType.methodType(Object.class, Object.class, String.class);

    private static final List<String> JSON_TREES = List.of(
            "com.fasterxml.jackson.databind.JsonNode", "tools.jackson.databind.JsonNode", "com.google.gson.JsonObject");
    private static final String HTTP_ENTITY = "org.springframework.http.HttpEntity";

    private ObjectReader readerOf(Class<?> type) {
        if (isPlainValueClass(type)) {
            return ObjectReader.NONE;
        }
        try {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (JSON_TREES.contains(c.getName())) {
                    return new ObjectReader(Kind.JSON_TREE, handle(c.getMethod("get", String.class)).asType(TREE_GET));
                }
                if (c.getName().equals(HTTP_ENTITY)) {
                    return new ObjectReader(Kind.WRAPPER, handle(c.getMethod("getBody")).asType(OBJECT_GETTER));
                }
            }
            if (!hasProperty(type, messageKeys)) {
                return ObjectReader.NONE;
            }
            for (String key : codeKeys) {
                MethodHandle accessor = propertyAccessor(type, key);
                if (accessor != null) {
                    Class<?> returned = accessor.type().returnType();
                    if (returned == int.class || returned == short.class || returned == byte.class) {
                        return ObjectReader.intProperty(type, accessor);
                    }
                    return ObjectReader.property(type, accessor);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError inaccessible) {
            // A class we may not read (a module that does not open it, a missing dependency): not a response.
        }
        return ObjectReader.NONE;
    }

    private boolean hasProperty(Class<?> type, List<String> names) throws ReflectiveOperationException {
        for (String name : names) {
            if (propertyAccessor(type, name) != null) {
                return true;
            }
        }
        return false;
    }

    /** An accessor of the property {@code name}: record component, getName(), name() or a public field; null when none. */
    private @Nullable MethodHandle propertyAccessor(Class<?> type, String name) throws ReflectiveOperationException {
        if (!isJavaIdentifier(name)) {
            return null;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (matches(component.getName(), name)) {
                    return handle(component.getAccessor());
                }
            }
            return null;
        }
        String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class
                    && (matches(method.getName(), getter) || matches(method.getName(), name))
                    && method.getDeclaringClass() != Object.class) {
                return handle(method);
            }
        }
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && matches(field.getName(), name)) {
                return handleOf(field);
            }
        }
        return null;
    }

    private boolean matches(String actual, String wanted) {
        return ignoreKeyCase ? actual.equalsIgnoreCase(wanted) : actual.equals(wanted);
    }

    private static boolean isJavaIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static MethodHandle handle(Method method) throws IllegalAccessException {
        if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.trySetAccessible(); // a public method of a non-public class (a private nested DTO)
        }
        return MethodHandles.lookup().unreflect(method);
    }

    private static MethodHandle handleOf(Field field) throws IllegalAccessException {
        if (!Modifier.isPublic(field.getDeclaringClass().getModifiers())) {
            field.trySetAccessible();
        }
        return MethodHandles.lookup().unreflectGetter(field);
    }

    @Override
    public String toString() {
        return "ResponseObjects[codeKeys=" + codeKeys + ", messageKeys=" + messageKeys + ", ignoreKeyCase=" + ignoreKeyCase + "]";
    }
}
