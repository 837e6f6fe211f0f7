package io.meshbone.cli;

import picocli.CommandLine.Command;

/** {@code meshbone product}: work with data product descriptors (init, lint, check, plan, export, import, apply, list,
 * describe, deprecate, retire). */
@Command(name = "product", mixinStandardHelpOptions = true,
        description = "Work with data product descriptors (*.product.yaml) and the products of a running mesh.",
        subcommands = {ProductInitCommand.class, ProductLintCommand.class, ProductCheckCommand.class, ProductPlanCommand.class,
                ProductExportCommand.class, ProductImportCommand.class, ProductApplyCommand.class, ProductListCommand.class,
                ProductDescribeCommand.class, ProductDeprecateCommand.class, ProductRetireCommand.class})
final class ProductCommand {
}
