/** User and group names through the system's NSS (JNA, loaded on demand) with passwd/group files as fallback. */
package org.rollcall.core.ids;
