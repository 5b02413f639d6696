package org.misf.checkpoint;

import java.nio.ByteBuffer;

/**
 * The element types of PyTorch storages ({@code torch.FloatStorage} and friends) that a checkpoint may
 * name. Only the floating-point ones can be read as weights; the others are recognised so that the
 * importer can say which key holds a non-float tensor.
 */
public enum StorageType {

	FLOAT("FloatStorage", "float32", 4, true),
	DOUBLE("DoubleStorage", "float64", 8, true),
	HALF("HalfStorage", "float16", 2, true),
	BFLOAT16("BFloat16Storage", "bfloat16", 2, true),
	LONG("LongStorage", "int64", 8, false),
	INT("IntStorage", "int32", 4, false),
	SHORT("ShortStorage", "int16", 2, false),
	CHAR("CharStorage", "int8", 1, false),
	BYTE("ByteStorage", "uint8", 1, false),
	BOOL("BoolStorage", "bool", 1, false);

	private final String className;
	private final String dtype;
	private final int bytes;
	private final boolean floating;

	StorageType(final String className, final String dtype, final int bytes, final boolean floating) {
		this.className = className;
		this.dtype = dtype;
		this.bytes = bytes;
		this.floating = floating;
	}

	/** The type named {@code torch.<className>}, or null. */
	public static StorageType forClassName(final String className) {
		for (final StorageType t : values())
			if (t.className.equals(className)) return t;
		return null;
	}

	/** PyTorch's name of the element type, e.g. "float32". */
	public String dtype() {
		return dtype;
	}

	public int bytesPerElement() {
		return bytes;
	}

	public boolean isFloatingPoint() {
		return floating;
	}

	/** Element {@code index} of a little-endian buffer of this type, as float32. */
	float readFloat(final ByteBuffer le, final long index) {
		final int at = Math.toIntExact(index * bytes);
		switch (this) {
			case FLOAT:
				return le.getFloat(at);
			case DOUBLE:
				return (float) le.getDouble(at);
			case HALF:
				return halfToFloat(le.getShort(at));
			case BFLOAT16:
				return Float.intBitsToFloat((le.getShort(at) & 0xffff) << 16);
			default:
				throw new IllegalStateException(dtype + " is not a floating-point type");
		}
	}

	static float halfToFloat(final short half) {
		final int h = half & 0xffff;
		final int sign = (h & 0x8000) << 16;
		final int exponent = (h >>> 10) & 0x1f;
		final int mantissa = h & 0x3ff;
		if (exponent == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
		if (exponent != 0) return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
		final float subnormal = mantissa * 0x1p-24f;
		return sign == 0 ? subnormal : -subnormal;
	}
}
