package dev.todoapp.account.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.todoapp.account.service.AccountService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * The target of the List-Unsubscribe header of reminder and digest mails (RFC 8058): a mail client
 * POSTs {@code List-Unsubscribe=One-Click} as a form, without any session, so any body is accepted
 * and ignored; the signed token in the query is the only proof.
 */
// its JAX-RS annotations are read at run time too, for the Allow header of a 405 (http/AllowedMethods)
@RegisterForReflection
@Path("/api/unsubscribe")
public class UnsubscribeResource {

    private final AccountService accounts;

    public UnsubscribeResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    public Uni<RestResponse<Void>> unsubscribe(
            @RestQuery @Parameter(required = true, description = "from the mail's List-Unsubscribe link") String token) {
        return accounts.unsubscribe(token).map(ignored -> RestResponse.noContent());
    }
}
