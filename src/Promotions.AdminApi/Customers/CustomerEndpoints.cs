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
        group.MapPost("/", Create).Describe(Policies.CatalogWrite, "CreateCustomer", "Create a customer with attributes, history summary and location.", 400, 409);
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetCustomer", "Get a customer and its ETag.", 404);
        group.MapPut("/{id}", Update).Describe(Policies.CatalogWrite, "UpdateCustomer", "Replace the editable fields of a customer (If-Match).", 400, 404, 409, 412, 428);
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteCustomer", "Delete a customer (If-Match).", 404, 412, 428);
    }

    private static async Task<Results<Ok<ListResponse<CustomerResponse>>, ProblemHttpResult>> List(
        ICustomerStore store, string? segmentId, string? cursor, string? limit, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (Paging.Parse(cursor, limit, errors) is not { } page)
        {
            return Problems.From(errors);
        }

        var items = await store.ListAsync(new CustomerFilter(Strings.OrNull(segmentId)), page, ct);
        return TypedResults.Ok(ListResponse<CustomerResponse>.From(items, CustomerResponse.From));
    }

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
            return taken;
        }

        var written = await store.CreateAsync(validated.Value, ct);
        return written is { Status: WriteStatus.Written, Value: { } c }
            ? AdminResults.Created(response, $"/admin/customers/{c.Id}", CustomerResponse.From(c), c.Version)
            : AdminResults.Failed(written.Status, What, validated.Value.Id);
    }

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Get(
        string id, ICustomerStore store, HttpResponse response, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } c
            ? AdminResults.Ok(response, CustomerResponse.From(c), c.Version)
            : Problems.NotFound(What, id);

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Update(
        string id, CustomerRequest body, ICustomerStore store, ISegmentStore segments, HttpContext http, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
        }

        if (AdminResults.Precondition(http.Request, current.Version, out var expected) is { } failed)
        {
            return failed;
        }

        var validated = await new CustomerValidation(segments).ValidateAsync(body, current, ct);
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        if (await EmailTaken(store, validated.Value, ct) is { } taken)
        {
            return taken;
        }

        var written = await store.UpdateAsync(validated.Value, expected, ct);
        return written is { Status: WriteStatus.Written, Value: { } c }
            ? AdminResults.Ok(http.Response, CustomerResponse.From(c), c.Version)
            : AdminResults.Failed(written.Status, What, id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, ICustomerStore store, HttpRequest request, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
        }

        if (AdminResults.Precondition(request, current.Version, out var expected) is { } failed)
        {
            return failed;
        }

        var status = await store.DeleteAsync(id, expected, ct);
        return status == WriteStatus.Written ? TypedResults.NoContent() : AdminResults.Failed(status, What, id);
    }

    // E-mail identifies a customer for lookups, so two customers may not share one.
    private static async Task<ProblemHttpResult?> EmailTaken(ICustomerStore store, Customer customer, CancellationToken ct) =>
        customer.Email is { } email && await store.FindByEmailAsync(email, ct) is { } other && other.Id != customer.Id
            ? Problems.From(new DomainError("duplicate", $"Customer '{other.Id}' already has this e-mail address.", "$.email"))
            : null;
}
