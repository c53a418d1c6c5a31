package dev.meetscope.transforms.schema;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.SchemaProvider;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gives every Meetscope Java record (package {@code dev.meetscope.models}) a Beam schema, so records stay
 * plain Java in {@code models} and still travel with a {@code SchemaCoder} (Beam 2.62 cannot infer schemas
 * for records: apache/beam#27802).
 *
 * <p>Columns are the snake_case of the component names, in declaration order; reference types are
 * nullable, primitives are not. Supported component types: String, boxed and primitive int, long, double,
 * boolean, {@link Instant} (as DATETIME, millisecond precision), {@code List} of those or of records, and
 * nested records.
 */
public final class RecordSchemaProvider implements SchemaProvider {
  private static final long serialVersionUID = 1L;
  private static final String MODELS_PACKAGE = "dev.meetscope.";
  private static final Map<Class<?>, Schema> SCHEMAS = new ConcurrentHashMap<>();

  @Override
  public <T> @Nullable Schema schemaFor(TypeDescriptor<T> typeDescriptor) {
    Class<?> raw = typeDescriptor.getRawType();
    return handles(raw) ? schemaOf(raw) : null;
  }

  @Override
  public <T> @Nullable SerializableFunction<T, Row> toRowFunction(TypeDescriptor<T> typeDescriptor) {
    Class<?> raw = typeDescriptor.getRawType();
    return handles(raw) ? new ToRow<>(raw) : null;
  }

  @Override
  public <T> @Nullable SerializableFunction<Row, T> fromRowFunction(TypeDescriptor<T> typeDescriptor) {
    @SuppressWarnings("unchecked")
    Class<T> raw = (Class<T>) typeDescriptor.getRawType();
    return handles(raw) ? new FromRow<>(raw) : null;
  }

  static boolean handles(Class<?> type) {
    return type.isRecord() && type.getName().startsWith(MODELS_PACKAGE);
  }

  /** The Beam schema of a record class. */
  public static Schema schemaOf(Class<?> recordClass) {
    Schema known = SCHEMAS.get(recordClass);
    if (known != null) {
      return known;
    }
    // Not computeIfAbsent: a nested record builds its own schema first, and a recursive update of a
    // ConcurrentHashMap throws. Two threads may build the same schema; the first one stored wins.
    Schema built = buildSchema(recordClass);
    Schema raced = SCHEMAS.putIfAbsent(recordClass, built);
    return raced != null ? raced : built;
  }

  /** Converts a record to a Row of {@link #schemaOf}. */
  public static Row toRow(Object record) {
    return new ToRow<>(record.getClass()).apply(record);
  }

  /** {@code startMs} → {@code start_ms}; {@code isPrivate} → {@code is_private}. */
  public static String columnName(String componentName) {
    StringBuilder sb = new StringBuilder(componentName.length() + 4);
    for (int i = 0; i < componentName.length(); i++) {
      char c = componentName.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static Schema buildSchema(Class<?> recordClass) {
    Schema.Builder builder = Schema.builder();
    for (RecordComponent c : recordClass.getRecordComponents()) {
      FieldType type = fieldType(c.getGenericType(), recordClass, c.getName());
      boolean nullable = !c.getType().isPrimitive();
      builder.addField(Schema.Field.of(columnName(c.getName()), type).withNullable(nullable));
    }
    return builder.build();
  }

  private static FieldType fieldType(Type type, Class<?> owner, String name) {
    if (type instanceof ParameterizedType p) {
      Type rawType = p.getRawType();
      if (rawType instanceof Class<?> rc && Collection.class.isAssignableFrom(rc)) {
        return FieldType.array(fieldType(p.getActualTypeArguments()[0], owner, name));
      }
    }
    if (type instanceof Class<?> c) {
      if (c == String.class) {
        return FieldType.STRING;
      }
      if (c == long.class || c == Long.class) {
        return FieldType.INT64;
      }
      if (c == int.class || c == Integer.class) {
        return FieldType.INT32;
      }
      if (c == double.class || c == Double.class) {
        return FieldType.DOUBLE;
      }
      if (c == boolean.class || c == Boolean.class) {
        return FieldType.BOOLEAN;
      }
      if (c == Instant.class) {
        return FieldType.DATETIME;
      }
      if (c.isRecord()) {
        return FieldType.row(schemaOf(c));
      }
    }
    throw new IllegalArgumentException(
        "Unsupported type " + type + " of component " + owner.getSimpleName() + "." + name);
  }

  private static Object toRowValue(Object value, FieldType type) {
    if (value == null) {
      return null;
    }
    switch (type.getTypeName()) {
      case DATETIME:
        return new org.joda.time.Instant(((Instant) value).toEpochMilli());
      case ARRAY:
        List<Object> out = new ArrayList<>();
        for (Object v : (Collection<?>) value) {
          out.add(toRowValue(v, type.getCollectionElementType()));
        }
        return out;
      case ROW:
        return new ToRow<>(value.getClass()).apply(value);
      default:
        return value;
    }
  }

  private static Object fromRowValue(Object value, FieldType type, Type javaType) {
    if (value == null) {
      return null;
    }
    switch (type.getTypeName()) {
      case DATETIME:
        return Instant.ofEpochMilli(((org.joda.time.ReadableInstant) value).getMillis());
      case ARRAY:
        Type elementType = ((ParameterizedType) javaType).getActualTypeArguments()[0];
        List<Object> out = new ArrayList<>();
        for (Object v : (Iterable<?>) value) {
          out.add(fromRowValue(v, type.getCollectionElementType(), elementType));
        }
        return List.copyOf(out);
      case ROW:
        return new FromRow<>((Class<?>) javaType).apply((Row) value);
      default:
        return value;
    }
  }

  private static final class ToRow<T> implements SerializableFunction<T, Row> {
    private static final long serialVersionUID = 1L;
    private final Class<?> recordClass;

    ToRow(Class<?> recordClass) {
      this.recordClass = recordClass;
    }

    @Override
    public Row apply(T record) {
      Schema schema = schemaOf(recordClass);
      Method[] accessors = accessors(recordClass);
      List<Object> values = new ArrayList<>(accessors.length);
      try {
        for (int i = 0; i < accessors.length; i++) {
          values.add(toRowValue(accessors[i].invoke(record), schema.getField(i).getType()));
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read record " + recordClass.getName(), e);
      }
      return Row.withSchema(schema).attachValues(values);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof ToRow<?> other && other.recordClass.equals(recordClass);
    }

    @Override
    public int hashCode() {
      return recordClass.hashCode();
    }
  }

  private static final class FromRow<T> implements SerializableFunction<Row, T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> recordClass;

    FromRow(Class<T> recordClass) {
      this.recordClass = recordClass;
    }

    @Override
    public T apply(Row row) {
      Schema schema = schemaOf(recordClass);
      Creator creator = creator(recordClass);
      Object[] args = new Object[creator.types().length];
      for (int i = 0; i < args.length; i++) {
        args[i] = fromRowValue(row.getValue(i), schema.getField(i).getType(), creator.types()[i]);
      }
      try {
        return recordClass.cast(creator.constructor().newInstance(args));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot build record " + recordClass.getName(), e);
      }
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof FromRow<?> other && other.recordClass.equals(recordClass);
    }

    @Override
    public int hashCode() {
      return recordClass.hashCode();
    }
  }

  /** A record's canonical constructor and its components' generic types. */
  private record Creator(Constructor<?> constructor, Type[] types) {}

  // Reflection is looked up once per class: a coder converts every element (and its nested records).
  private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Creator> CREATORS = new ConcurrentHashMap<>();

  private static Method[] accessors(Class<?> recordClass) {
    return ACCESSORS.computeIfAbsent(recordClass, c -> {
      RecordComponent[] components = c.getRecordComponents();
      Method[] m = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        m[i] = components[i].getAccessor();
        m[i].setAccessible(true);
      }
      return m;
    });
  }

  private static Creator creator(Class<?> recordClass) {
    return CREATORS.computeIfAbsent(recordClass, c -> {
      RecordComponent[] components = c.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Type[] generic = new Type[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        generic[i] = components[i].getGenericType();
      }
      try {
        Constructor<?> ctor = c.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        return new Creator(ctor, generic);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("No canonical constructor on " + c.getName(), e);
      }
    });
  }
}
