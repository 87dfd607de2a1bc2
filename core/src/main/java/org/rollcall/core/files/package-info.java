/**
 * Deciding whether a file rollcall reads or writes could have been planted, linked or swapped by
 * another user: one set of checks for every state file, ledger, log, fallback file and secret.
 */
package org.rollcall.core.files;
