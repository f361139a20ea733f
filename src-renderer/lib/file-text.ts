/**
 * A chosen or dropped settings file as text. Metadata and PEM files are UTF-8 almost always, but
 * Windows tools write UTF-16 with a byte-order mark; main's decodeFileText does the same for drops.
 */
export async function fileText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** The first file of a drop, or the dropped text (dragged from an editor), with a name for the setting's origin. */
export async function droppedSetting(data: DataTransfer): Promise<{ text: string; name?: string } | null> {
  const file = data.files[0];
  if (file) return { text: await fileText(file), name: file.name };
  const text = data.getData('text/plain');
  return text.trim() === '' ? null : { text };
}
