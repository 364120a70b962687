package dev.dcerrors.core;

import java.lang.invoke.MethodHandle;
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
 * reading a DTO then calls one accessor and allocates nothing. JDK types are recognized without the cache, so no
 * JDK class keeps a reference into an application's class loader. An accessor that throws is not caught here:
 * the caller skips the argument and reports the failure once.
 */
final class ResponseObjects {

    /** What {@link #read} returns for an object that is not response-like. */
    static final int NOT_A_RESPONSE = -2;
    /** What {@link #read} returns for a response object whose code is not a number. */
    static final int NO_CODE = -1;
    /** What {@link #read} returns for a wrapper around a text: read it with {@link #wrappedText}. */
    static final int WRAPPED_TEXT = -3;

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

    ResponseObjects(List<String> codeKeys, List<String> messageKeys, boolean ignoreKeyCase) {
        this.codeKeys = List.copyOf(codeKeys);
        this.messageKeys = List.copyOf(messageKeys);
        this.ignoreKeyCase = ignoreKeyCase;
    }

    /**
     * The code of {@code argument} when it is a response object: the value (0 or more), {@link #NO_CODE} when its
     * code is not a number, {@link #NOT_A_RESPONSE} when it is no response object, {@link #WRAPPED_TEXT} for a
     * wrapper around a text (a JSON body kept as a String).
     */
    int read(Object argument) {
        Object value = argument;
        for (int depth = 0; depth < 2; depth++) {
            if (value instanceof Optional) {
                Optional<?> optional = (Optional<?>) value;
                if (depth > 0 || optional.isEmpty()) {
                    return NOT_A_RESPONSE;
                }
                value = optional.get();
                continue;
            }
            if (value instanceof CharSequence) {
                return depth == 0 ? NOT_A_RESPONSE : WRAPPED_TEXT;
            }
            if (value instanceof Map) {
                return readMap((Map<?, ?>) value);
            }
            if (isPlainJdkValue(value)) {
                return NOT_A_RESPONSE;
            }
            ObjectReader reader = readers.get(value.getClass());
            if (reader.wrapper) {
                if (depth > 0) {
                    return NOT_A_RESPONSE;
                }
                Object body = reader.invoke(reader.code, value);
                if (body == null) {
                    return NOT_A_RESPONSE;
                }
                value = body;
                continue;
            }
            return reader.read(value);
        }
        return NOT_A_RESPONSE;
    }

    /** The text inside a wrapper for which {@link #read} answered {@link #WRAPPED_TEXT}, or null. */
    @Nullable CharSequence wrappedText(Object argument) {
        Object body;
        if (argument instanceof Optional) {
            body = ((Optional<?>) argument).orElse(null);
        } else {
            ObjectReader reader = readers.get(argument.getClass());
            body = reader.wrapper ? reader.invoke(reader.code, argument) : null;
        }
        return body instanceof CharSequence ? (CharSequence) body : null;
    }

    private static boolean isPlainJdkValue(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Enum
                || value instanceof Collection || value instanceof Throwable || value instanceof Class || value.getClass().isArray()
                || value.getClass().getName().startsWith("java.");
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

    // ---------------------------------------------------------------- per class, worked out once

    /** How to read one class: a code accessor, and whether the class is a JSON tree or a wrapper. */
    private static final class ObjectReader {
        static final ObjectReader NONE = new ObjectReader(null, null, false, false);

        final @Nullable MethodHandle code; // (Object)Object; for a JSON tree get(String), for a wrapper getBody()
        final @Nullable MethodHandle intCode; // (Object)int, for int/long/short accessors
        final boolean jsonTree;
        final boolean wrapper;
        @Nullable List<String> codeKeys;
        @Nullable List<String> messageKeys;

        ObjectReader(@Nullable MethodHandle code, @Nullable MethodHandle intCode, boolean jsonTree, boolean wrapper) {
            this.code = code;
            this.intCode = intCode;
            this.jsonTree = jsonTree;
            this.wrapper = wrapper;
        }

        int read(Object value) {
            if (intCode != null) {
                int v;
                try {
                    v = (int) intCode.invokeExact(value);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable checked) {
                    throw new UndeclaredThrowableException(checked);
                }
                return v >= 0 && v <= CodeScanner.MAX_VALUE ? v : NO_CODE;
            }
            if (code == null) {
                return NOT_A_RESPONSE;
            }
            if (jsonTree) {
                return readTree(value);
            }
            Object v = invoke(code, value);
            return v == null ? NO_CODE : codeOf(v);
        }

        private int readTree(Object tree) {
            Object codeNode = null;
            for (String key : codeKeys) {
                codeNode = invoke1(code, tree, key);
                if (codeNode != null) {
                    break;
                }
            }
            if (codeNode == null) {
                return NOT_A_RESPONSE;
            }
            boolean hasMessage = false;
            for (int i = 0; i < messageKeys.size() && !hasMessage; i++) {
                hasMessage = invoke1(code, tree, messageKeys.get(i)) != null;
            }
            if (!hasMessage) {
                return NOT_A_RESPONSE;
            }
            // A number node prints as 5147, a text node as "5147".
            String text = codeNode.toString();
            if (text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"') {
                text = text.substring(1, text.length() - 1);
            }
            return codeOf(text);
        }

        @Nullable Object invoke(@Nullable MethodHandle handle, Object target) {
            try {
                return handle == null ? null : (Object) handle.invokeExact(target);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable checked) {
                throw new UndeclaredThrowableException(checked);
            }
        }

        private static @Nullable Object invoke1(MethodHandle handle, Object target, String key) {
            try {
                return (Object) handle.invokeExact(target, key);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable checked) {
                throw new UndeclaredThrowableException(checked);
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
        try {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (JSON_TREES.contains(c.getName())) {
                    Method get = c.getMethod("get", String.class);
                    ObjectReader reader = new ObjectReader(handle(get).asType(TREE_GET), null, true, false);
                    reader.codeKeys = codeKeys;
                    reader.messageKeys = messageKeys;
                    return reader;
                }
                if (c.getName().equals(HTTP_ENTITY)) {
                    return new ObjectReader(handle(c.getMethod("getBody")).asType(OBJECT_GETTER), null, false, true);
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
                        return new ObjectReader(null, accessor.asType(INT_GETTER), false, false);
                    }
                    return new ObjectReader(accessor.asType(OBJECT_GETTER), null, false, false);
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
