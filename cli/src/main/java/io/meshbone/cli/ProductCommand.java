package io.meshbone.cli;

import picocli.CommandLine.Command;

/** {@code meshbone product}: work with data product descriptors (lint, export, import). */
@Command(name = "product", mixinStandardHelpOptions = true,
        description = "Work with data product descriptors (*.product.yaml).",
        subcommands = {ProductLintCommand.class, ProductExportCommand.class, ProductImportCommand.class})
final class ProductCommand {
}
