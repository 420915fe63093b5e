package org.realitycheck.cli;

import java.util.Iterator;
import java.util.List;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domains;

/**
 * The registered domain names, for {@code --help} and completion. A broken registry (two domains with one
 * name) lists nothing here: the command that looks a domain up reports it, with exit 2.
 */
final class DomainNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        try {
            return Domains.names().iterator();
        } catch (BadInputException e) {
            return List.<String>of().iterator();
        }
    }
}
