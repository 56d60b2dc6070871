/** Data returns owed, overdue and sent late, per enrolled service, for the central team. */
package org.mhaqi.console.returnsowed;
