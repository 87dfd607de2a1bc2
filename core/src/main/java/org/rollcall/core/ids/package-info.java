/**
 * User and group names: the passwd/group files when nsswitch.conf asks them first, else the
 * system's NSS (JNA, loaded on demand) with the files as fallback.
 */
package org.rollcall.core.ids;
