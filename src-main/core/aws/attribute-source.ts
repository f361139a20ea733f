/**
 * Guesses which AWS IAM Identity Center mapping ("Maps to this string value or user attribute in
 * IAM Identity Center", https://docs.aws.amazon.com/singlesignon/latest/userguide/mapawsssoattributestoapp.html) produced an attribute, so the attribute table can say
 * "most likely `${user:email}`". A guess from the value's shape and the attribute's name, never a fact.
 */
import type { AttributeInfo, MessageResult } from '../model/message.js';
import { awsSourceForName } from './attribute-names.js';
import { isAwsGroupIdValue, isGroupAttributeName, isIdentityStoreId } from './group-values.js';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VARIABLE = /\$\{[^}]*\}/;

function isEmail(value: string): boolean {
  return EMAIL_SHAPE.test(value.trim());
}

/** The AWS mapping an attribute most likely came from, e.g. `${user:email}`; undefined when nothing is recognisable. */
export function guessAwsSource(attr: Pick<AttributeInfo, 'name' | 'values'>): string | undefined {
  const values = attr.values.filter((v) => v.trim() !== '');
  if (values.length === 0) return undefined;

  // AWS sends a mapping it cannot resolve as the literal text: the mapping *is* that text.
  const unresolved = values.find((v) => VARIABLE.test(v));
  if (unresolved !== undefined) return unresolved;

  const groupNamed = isGroupAttributeName(attr.name);
  if (values.every(isAwsGroupIdValue) && (groupNamed || values.length > 1 || values.some((v) => !isIdentityStoreId(v)))) {
    return '${user:groups}';
  }
  // AWS has no way to send group names (`${user:groups}` sends IDs): a group-named attribute with names is a static string.
  if (groupNamed || values.length > 1) return undefined;

  const value = values[0] ?? '';
  const fromName = awsSourceForName(attr.name);
  const emailValue = isEmail(value);
  if (isIdentityStoreId(value)) return '${user:AD_GUID}';
  if (fromName === '${user:email}') return emailValue ? fromName : undefined;
  // Usernames in Identity Center are often e-mail addresses, so a username-named attribute keeps its name's meaning.
  if (fromName === '${user:preferredUsername}') return fromName;
  if (emailValue) return '${user:email}';
  return fromName;
}

/** The message's attributes with `likelyAwsSource` filled in where recognisable (a new array; the message is not changed). */
export function annotateAwsAttributes(message: Pick<MessageResult, 'attributes'>): AttributeInfo[] {
  return message.attributes.map((attr) => {
    const source = guessAwsSource(attr);
    return source === undefined ? { ...attr } : { ...attr, likelyAwsSource: source };
  });
}
