/**
 * Who may call which of coaching's operations: the role matrix. Which objects a caller then reaches
 * (a coach their own, a trust member their organisation's) is decided where they are loaded.
 */
package org.mhaqi.coaching.security;
