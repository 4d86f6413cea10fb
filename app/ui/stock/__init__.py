"""The Stock page: stock by bin and lot, low stock, backorders and a product's ledger."""
