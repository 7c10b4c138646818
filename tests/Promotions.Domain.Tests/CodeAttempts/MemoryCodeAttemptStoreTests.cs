using Promotions.Contracts.CodeAttempts;
using Promotions.Domain.Ports;

namespace Promotions.Domain.Tests.CodeAttempts;

public sealed class MemoryCodeAttemptStoreTests : CodeAttemptStoreContract
{
    protected override Task<ICodeAttemptStore> CreateStoreAsync() => Task.FromResult<ICodeAttemptStore>(new MemoryCodeAttemptStore());
}
