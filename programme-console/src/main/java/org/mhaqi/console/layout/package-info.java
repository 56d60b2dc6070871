/** What every page shows around its content: header, breadcrumbs, footer, the NHS.UK assets. */
package org.mhaqi.console.layout;
