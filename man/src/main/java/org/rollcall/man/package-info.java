/**
 * Build-time generation of the man pages: picocli's sections plus the hand-written templates beside
 * them.
 */
package org.rollcall.man;
