/** Decoding kernel bytes and escaping untrusted text for one-line output. */
package org.rollcall.core.text;
