/** What a user typed into a form, kept in their session until the form is accepted. */
package org.mhaqi.console.draft;
