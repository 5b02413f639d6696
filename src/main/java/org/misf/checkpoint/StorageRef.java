package org.misf.checkpoint;

/** A storage of a zip checkpoint: the entry {@code <archive>/data/<key>} holding {@code elements} values. */
final class StorageRef {

	final String key;
	final StorageType type;
	final long elements;

	StorageRef(final String key, final StorageType type, final long elements) {
		this.key = key;
		this.type = type;
		this.elements = elements;
	}

	long byteCount() {
		return elements * type.bytesPerElement();
	}
}
