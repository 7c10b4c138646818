using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Customers;

/// <summary>CRUD of customers under <c>/admin/customers</c>.</summary>
internal static class CustomerEndpoints
{
    private const string What = "customer";

    public static void MapCustomers(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/customers").WithTags("Customers");
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListCustomers", "List customers, optionally those listed in a segment.", 400);
        group.MapPost("/", Create).Describe(Policies.CatalogWrite, "CreateCustomer", "Create a customer with attributes, history summary and location.", 400, 409).ReturnsETag();
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetCustomer", "Get a customer and its ETag.", 404).ReturnsETag();
        group.MapPut("/{id}", Update).Describe(Policies.CatalogWrite, "UpdateCustomer", "Replace the editable fields of a customer (If-Match).", 400, 404, 409).RequireIfMatch();
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteCustomer", "Delete a customer (If-Match).", 404).RequireIfMatch();
    }

    private static Task<Results<Ok<ListResponse<CustomerResponse>>, ProblemHttpResult>> List(
        ICustomerStore store, string? segmentId, string? cursor, string? limit, CancellationToken ct) =>
        Lists.PageAsync(cursor, limit, page => store.ListAsync(new CustomerFilter(Strings.OrNull(segmentId)), page, ct), CustomerResponse.From);

    private static async Task<Results<Created<CustomerResponse>, ProblemHttpResult>> Create(
        CustomerRequest body, ICustomerStore store, ISegmentStore segments, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var blank = new Customer(Ids.New("cus", clock), null, null, null, [], clock.GetUtcNow(), null, PurchaseHistory.None);
        var validated = await new CustomerValidation(segments).ValidateAsync(body, blank, ct);
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        if (await EmailTaken(store, validated.Value, ct) is { } taken)
        {
            return Problems.From(taken);
        }

        var written = await store.CreateAsync(validated.Value, ct);
        return written is { Status: WriteStatus.Written, Value: { } c }
            ? AdminResults.Created(response, $"/admin/customers/{c.Id}", CustomerResponse.From(c), c.Version)
            : AdminResults.Failed(written.Status, What, validated.Value.Id);
    }

    private static Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Get(
        string id, ICustomerStore store, HttpResponse response, CancellationToken ct) =>
        Of(store).GetAsync(id, response, CustomerResponse.From, ct);

    private static Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Update(
        string id, CustomerRequest body, ICustomerStore store, ISegmentStore segments, HttpContext http, CancellationToken ct) =>
        Of(store).ChangeAsync(id, http, async current =>
        {
            var validated = await new CustomerValidation(segments).ValidateAsync(body, current, ct);
            return validated.IsSuccess && await EmailTaken(store, validated.Value, ct) is { } taken ? taken : validated;
        }, CustomerResponse.From, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, ICustomerStore store, HttpRequest request, CancellationToken ct) =>
        Of(store).DeleteAsync(id, request, Versioned<Customer>.NoGuard, ct);

    private static Versioned<Customer> Of(ICustomerStore store) =>
        new(What, store.GetAsync, c => c.Version, store.UpdateAsync, store.DeleteAsync);

    // E-mail identifies a customer for lookups, so two customers may not share one.
    private static async Task<DomainError?> EmailTaken(ICustomerStore store, Customer customer, CancellationToken ct) =>
        customer.Email is { } email && await store.FindByEmailAsync(email, ct) is { } other && other.Id != customer.Id
            ? new DomainError("duplicate", $"Customer '{other.Id}' already has this e-mail address.", "$.email")
            : null;
}
