/**
 * Azure Table Storage's limits, enforced by the project because Azurite does not enforce them
 * (it accepts oversized entities and some forbidden key characters). Checked before every write.
 * https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model
 */
export const AZURE_LIMITS = {
  keyMaxChars: 512, // 1 KiB as UTF-16
  maxCustomProperties: 252,
  propertyNameMaxChars: 255,
  stringMaxChars: 32 * 1024, // 64 KiB as UTF-16
  entityMaxBytes: 1024 * 1024,
  batchMaxOperations: 100,
} as const;

// Forbidden in PartitionKey/RowKey: / \ # ? and control characters.
const FORBIDDEN_KEY_CHARS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class EntityLimitError extends Error {}

export function assertValidKey(kind: 'PartitionKey' | 'RowKey', key: string): void {
  if (key.length > AZURE_LIMITS.keyMaxChars)
    throw new EntityLimitError(
      `${kind} is longer than Azure allows (${key.length} > ${AZURE_LIMITS.keyMaxChars} characters)`,
    );
  if (FORBIDDEN_KEY_CHARS.test(key))
    throw new EntityLimitError(
      `${kind} contains a character Azure Table Storage forbids (/ \\ # ? or a control character)`,
    );
}

/** Size of an entity as Azure counts it: 4 + keys (UTF-16) + per property 8 + name (UTF-16) + value. */
export function entitySizeBytes(entity: Record<string, unknown>): number {
  let size = 4;
  for (const [name, value] of Object.entries(entity)) {
    if (name === 'PartitionKey' || name === 'RowKey') {
      size += String(value).length * 2;
      continue;
    }
    if (name === 'etag' || name === 'timestamp') continue;
    size += 8 + name.length * 2 + valueBytes(value);
  }
  return size;
}

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return value.length * 2 + 4;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number' || typeof value === 'bigint') return 8;
  if (value instanceof Date) return 8;
  if (value instanceof Uint8Array) return value.length + 4;
  if (value && typeof value === 'object' && 'value' in value) return valueBytes(value.value);
  return 0;
}

export function assertEntityWithinLimits(
  entity: { partitionKey: string; rowKey: string } & Record<string, unknown>,
): void {
  assertValidKey('PartitionKey', entity.partitionKey);
  assertValidKey('RowKey', entity.rowKey);
  const props = Object.entries(entity).filter(([k]) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k));
  if (props.length > AZURE_LIMITS.maxCustomProperties)
    throw new EntityLimitError(
      `entity has ${props.length} properties; Azure allows ${AZURE_LIMITS.maxCustomProperties}`,
    );
  for (const [name, value] of props) {
    if (!PROPERTY_NAME.test(name) || name.length > AZURE_LIMITS.propertyNameMaxChars)
      throw new EntityLimitError(`property name "${name}" is not allowed by Azure`);
    if (typeof value === 'string' && value.length > AZURE_LIMITS.stringMaxChars)
      throw new EntityLimitError(
        `property "${name}" is longer than Azure allows (${value.length} > ${AZURE_LIMITS.stringMaxChars} characters)`,
      );
  }
  const size = entitySizeBytes({
    PartitionKey: entity.partitionKey,
    RowKey: entity.rowKey,
    ...Object.fromEntries(props),
  });
  if (size > AZURE_LIMITS.entityMaxBytes)
    throw new EntityLimitError(`entity is ${size} bytes; Azure allows ${AZURE_LIMITS.entityMaxBytes}`);
}

/** Makes any id (a Teams user or conversation id) safe as a key, reversibly: %-escapes what Azure forbids. */
export function encodeKey(value: string): string {
  return value.replace(
    /[%/\\#?\u0000-\u001f\u007f-\u009f]/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
