/**
 * Weekly time-commitment returns of project teams, reported per service against the FAQ's "about 2
 * hours a week on average", flagging teams well above or below.
 */
package org.mhaqi.evaluation.timecommitment;
