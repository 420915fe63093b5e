package org.realitycheck.cli;

import java.util.Iterator;

import org.realitycheck.core.Domains;

/** The registered domain names, for {@code --help} and completion. */
final class DomainNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Domains.names().iterator();
    }
}
