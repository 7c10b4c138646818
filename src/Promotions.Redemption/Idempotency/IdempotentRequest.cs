using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.Redemption.Idempotency;

/// <summary>
/// The idempotency contract of the mutating endpoints: the key (header <c>Idempotency-Key</c>, 1–128 printable
/// ASCII characters) is scoped to the caller's token subject and bound to a hash of the route and the canonical
/// body (the bound request serialized again, so spacing and member order do not matter). Same key and request:
/// the stored response, with <c>Idempotent-Replayed: true</c>; another request: 422; one in flight: 409.
/// </summary>
internal sealed class IdempotentRequest(IIdempotencyStore store, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string Header = IdempotencyKeys.Header;
    private const int MaxKeyLength = IdempotencyKeys.MaxLength;

    public JsonSerializerOptions Wire => json.Value.SerializerOptions;

    /// <summary>
    /// Runs <paramref name="work"/> under the request's key, or answers without running it (bad key, replay,
    /// reuse, in flight). The work returns the response; a refusal is stored here, a change by the ledger.
    /// </summary>
    public async Task<StoredJsonResult> RunAsync<TBody>(
        HttpContext http, TBody body, Func<IdempotencyLease, Task<Outcome>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(work);
        var key = IdempotencyKeys.Read(http);
        if (key.Length is 0 or > MaxKeyLength || !key.All(static c => c is >= ' ' and <= '~'))
        {
            return Now(Problem(new DomainError(RedemptionProblems.IdempotencyKeyRequired,
                $"Send an {Header} header of 1 to {MaxKeyLength} printable characters; reuse it to retry this request safely.", Header)));
        }

        var begin = await store.BeginAsync(DevTokens.SubjectOf(http.User), key, Hash(http, body), ct);
        switch (begin.State)
        {
            case IdempotencyState.Completed:
                return new StoredJsonResult(begin.Response!, replayed: true);
            case IdempotencyState.Mismatch:
                return Now(Problem(new DomainError(RedemptionProblems.IdempotencyKeyReused,
                    $"This {Header} was used for a different request; use a new key for a new request.", Header)));
            case IdempotencyState.InProgress:
                return Now(Problem(new DomainError(RedemptionRejections.IdempotencyInProgress,
                    $"A request with this {Header} is still being handled; retry shortly to read its outcome.", Header)));
        }

        var outcome = await work(begin.Lease!);
        if (!outcome.Completed && !await store.CompleteAsync(begin.Lease!, outcome.Response, ct))
        {
            return Now(Problem(new DomainError(RedemptionRejections.IdempotencyInProgress,
                $"Another request with this {Header} took over; retry to read its outcome.", Header)));
        }

        return Now(outcome.Response);
    }

    /// <summary>The outcome of a ledger call: the response it stored with the change, or its refusal to store here.</summary>
    public Outcome Settle<T>(Result<T> result, StoredResponse? stored) =>
        result.IsSuccess
            ? new Outcome(stored!, Completed: true)
            : new Outcome(Problem(RedemptionProblems.Create(result.Errors)), Completed: false);

    public StoredResponse Success<T>(int status, T value, string? location = null) =>
        new(status, JsonSerializer.Serialize(value, Wire), location);

    public StoredResponse Problem(ProblemDetails problem) =>
        new(problem.Status ?? StatusCodes.Status400BadRequest, JsonSerializer.Serialize(problem, Wire));

    public StoredResponse Problem(DomainError error) => Problem(RedemptionProblems.Create([error]));

    private static StoredJsonResult Now(StoredResponse response) => new(response, replayed: false);

    private string Hash<TBody>(HttpContext http, TBody body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(body, Wire));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>
/// What the work under a key answered; <paramref name="Completed"/> when the ledger already stored it with the
/// change (otherwise the caller stores it).
/// </summary>
internal sealed record Outcome(StoredResponse Response, bool Completed);
