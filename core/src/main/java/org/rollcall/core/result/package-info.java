/**
 * The result model every monitor shares: {@link org.rollcall.core.result.Status}, {@link
 * org.rollcall.core.result.Range}, findings gathered in a {@link org.rollcall.core.result.Report},
 * and one renderer per output contract (mon, Nagios).
 */
package org.rollcall.core.result;
